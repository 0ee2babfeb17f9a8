import type { AttemptValues } from './plan-attempt-writes';

/** Attempts as one array per column, ready for `unnest` (timestamps as ISO text, cast in SQL). */
export function attemptColumns(attempts: readonly AttemptValues[]) {
  const column = <T>(pick: (attempt: AttemptValues) => T): T[] => attempts.map(pick);
  const iso = (date: Date | null) => (date === null ? null : date.toISOString());
  return {
    requestId: column((a) => a.requestId),
    logStreamName: column((a) => a.logStreamName),
    startedAt: column((a) => a.startedAt.toISOString()),
    startedAtEstimated: column((a) => a.startedAtEstimated),
    endedAt: column((a) => iso(a.endedAt)),
    status: column((a) => a.status),
    version: column((a) => a.version),
    durationMs: column((a) => a.durationMs),
    billedDurationMs: column((a) => a.billedDurationMs),
    memorySizeMB: column((a) => a.memorySizeMB),
    maxMemoryUsedMB: column((a) => a.maxMemoryUsedMB),
    initDurationMs: column((a) => a.initDurationMs),
    restoreDurationMs: column((a) => a.restoreDurationMs),
    coldStart: column((a) => a.coldStart),
    initType: column((a) => a.initType),
    xrayTraceId: column((a) => a.xrayTraceId),
    errorType: column((a) => a.errorType),
    errorMessage: column((a) => a.errorMessage),
    errorStack: column((a) => a.errorStack),
  };
}
