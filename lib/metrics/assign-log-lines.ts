/** One stored log event, as an investigation shows it. */
export type LogLine = { timestamp: Date; logStreamName: string; kind: string; requestId: string | null; message: string };

/** Where an attempt ran and when: what decides which lines are its. */
export type AttemptSpan = {
  logStreamName: string;
  startedAt: Date;
  endedAt: Date | null;
  coldStart: boolean;
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  /** The function's timeout: bounds an attempt that has not ended. */
  timeoutSeconds: number;
};

/** Lambda's INIT phase limit: how far before a cold START its init lines can be. */
const MAX_INIT_MS = 10_000;
/** Platform lines and the INIT_START→START hand-over are not timed to the millisecond. */
const SLACK_MS = 1_000;

/**
 * Splits a request's log lines between its attempts (given in start order). A line with the
 * request id goes to the newest attempt of its stream started by then; a line without one
 * (INIT_START, extensions, Python's bare [ERROR]) goes to the attempt its environment was running
 * or initialising for — an environment runs one request at a time. Lines that fit no attempt come
 * back as `unassigned` when they carry the request id, and are dropped otherwise. Pure.
 */
export function assignLogLines(
  attempts: readonly AttemptSpan[],
  lines: readonly LogLine[],
): { perAttempt: LogLine[][]; unassigned: LogLine[] } {
  const perAttempt = attempts.map((): LogLine[] => []);
  const unassigned: LogLine[] = [];
  const ordered = [...lines].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  for (const line of ordered) {
    const index = line.requestId === null ? attemptRunning(attempts, line) : attemptOfRequestLine(attempts, line);
    if (index !== undefined) perAttempt[index]?.push(line);
    else if (line.requestId !== null) unassigned.push(line);
  }
  return { perAttempt, unassigned };
}

function attemptOfRequestLine(attempts: readonly AttemptSpan[], line: LogLine): number | undefined {
  let first: number | undefined;
  let newestStarted: number | undefined;
  attempts.forEach((attempt, index) => {
    if (attempt.logStreamName !== line.logStreamName) return;
    first ??= index;
    if (attempt.startedAt.getTime() <= line.timestamp.getTime()) newestStarted = index;
  });
  // Before every start in its stream: the start was estimated from a REPORT (START never seen).
  return newestStarted ?? first;
}

function attemptRunning(attempts: readonly AttemptSpan[], line: LogLine): number | undefined {
  const at = line.timestamp.getTime();
  const index = attempts.findIndex((attempt) => {
    if (attempt.logStreamName !== line.logStreamName) return false;
    const start = attempt.startedAt.getTime();
    const init = attempt.coldStart ? (attempt.initDurationMs ?? attempt.restoreDurationMs ?? MAX_INIT_MS) + SLACK_MS : 0;
    const end = attempt.endedAt?.getTime() ?? start + attempt.timeoutSeconds * 1000;
    return at >= start - init && at <= end;
  });
  return index === -1 ? undefined : index;
}
