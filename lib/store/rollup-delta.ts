import type { AttemptStatus } from '../ingest/attempt-fragment';
import { emptyRollupCounts, type RollupCounts } from './rollup-counts';

/** The rollup-relevant facts of a stored attempt. */
export type AttemptFacts = {
  status: AttemptStatus;
  startedAt: Date;
  durationMs: number | null;
  billedDurationMs: number | null;
  memorySizeMB: number | null;
  maxMemoryUsedMB: number | null;
  initDurationMs: number | null;
  coldStart: boolean;
};

/** What one minute's rollup row gains; durations go to the histogram. */
export type RollupDelta = RollupCounts & { minute: Date; durations: number[] };

const isError = (status: AttemptStatus) => status !== 'success' && status !== 'running';

/**
 * How an attempt's change moves its minute's rollup. An attempt counts once, when it finishes; if
 * later evidence changes how it ended (a timeout line after the REPORT), only the outcome counts
 * move. Pure: rollups therefore always equal a recount from the stored attempts.
 */
export function rollupDelta(before: AttemptFacts | null, after: AttemptFacts, isRetry: boolean): RollupDelta | null {
  const wasCounted = before !== null && before.status !== 'running';
  if (after.status === 'running') return null;
  const minute = new Date(Math.floor(after.startedAt.getTime() / 60_000) * 60_000);
  if (!wasCounted) {
    return {
      minute,
      invocations: 1,
      errors: isError(after.status) ? 1 : 0,
      timeouts: after.status === 'timeout' ? 1 : 0,
      outOfMemory: after.status === 'out_of_memory' ? 1 : 0,
      coldStarts: after.coldStart ? 1 : 0,
      retries: isRetry ? 1 : 0,
      durationSumMs: after.durationMs ?? 0,
      billedGbSeconds: ((after.billedDurationMs ?? 0) / 1000) * ((after.memorySizeMB ?? 0) / 1024),
      initDurationSumMs: after.initDurationMs ?? 0,
      maxMemoryUsedMB: after.maxMemoryUsedMB ?? 0,
      durations: after.durationMs === null ? [] : [after.durationMs],
    };
  }
  const moved = (predicate: (status: AttemptStatus) => boolean) => Number(predicate(after.status)) - Number(predicate(before.status));
  // Counted when its runtime exited, its REPORT (with the measurements) came later.
  const lateReport = before.durationMs === null && after.durationMs !== null;
  const delta: RollupDelta = {
    minute,
    invocations: 0,
    errors: moved(isError),
    timeouts: moved((status) => status === 'timeout'),
    outOfMemory: moved((status) => status === 'out_of_memory'),
    coldStarts: Number(after.coldStart) - Number(before.coldStart),
    retries: 0,
    durationSumMs: lateReport ? (after.durationMs ?? 0) : 0,
    billedGbSeconds: lateReport ? ((after.billedDurationMs ?? 0) / 1000) * ((after.memorySizeMB ?? 0) / 1024) : 0,
    initDurationSumMs: lateReport ? (after.initDurationMs ?? 0) : 0,
    maxMemoryUsedMB: after.maxMemoryUsedMB ?? 0,
    durations: lateReport && after.durationMs !== null ? [after.durationMs] : [],
  };
  const changed =
    lateReport || delta.errors !== 0 || delta.timeouts !== 0 || delta.outOfMemory !== 0 || delta.coldStarts !== 0;
  return changed ? delta : null;
}

/** A finished attempt that counted as its request's first becomes a retry: one more retry in its minute. */
export function displacedFirstDelta(displaced: AttemptFacts): RollupDelta | null {
  if (displaced.status === 'running') return null;
  return { ...emptyRollupCounts(), minute: new Date(Math.floor(displaced.startedAt.getTime() / 60_000) * 60_000), retries: 1, durations: [] };
}
