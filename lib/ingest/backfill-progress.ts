/** What a log group's ingest state says about its first-time backfill. */
export type BackfillState = {
  backfillStartMs: bigint;
  backfillEndMs: bigint | null;
  backfillStartedAt: Date | null;
  backfillDone: boolean;
  checkpointMs: bigint;
  eventsIngested: bigint;
};

export type BackfillProgress = {
  /** waiting: not polled yet; running: reading its window; done: caught up with the window's end. */
  status: 'waiting' | 'running' | 'done';
  /** Share of the window (or of all windows) read, 0…1. */
  shareDone: number;
  events: number;
  /** Log groups in the summary, and how many have finished. */
  logGroups: number;
  logGroupsDone: number;
  /** Estimated time left, from the pace so far; null until there is a pace to go by. */
  etaMs: number | null;
};

/**
 * Progress of one or several log groups' backfills (a source's, for the UI), pooled: the share is
 * time read over time to read, the ETA extrapolates the pace since the earliest backfill began.
 */
export function summariseBackfill(states: readonly BackfillState[], nowMs: number): BackfillProgress {
  let windowMs = 0;
  let readMs = 0;
  let known = 0;
  let events = 0;
  let done = 0;
  let waiting = 0;
  let earliestStart = Infinity;
  for (const state of states) {
    events += Number(state.eventsIngested);
    if (state.backfillDone) done += 1;
    if (state.backfillEndMs === null || state.backfillStartedAt === null) {
      // Not polled yet (or pushed only, which has no window and is done from the start).
      if (!state.backfillDone) waiting += 1;
      continue;
    }
    const start = Number(state.backfillStartMs);
    const width = Math.max(0, Number(state.backfillEndMs) - start);
    windowMs += width;
    readMs += state.backfillDone ? width : Math.min(Math.max(0, Number(state.checkpointMs) - start), width);
    known += 1;
    earliestStart = Math.min(earliestStart, state.backfillStartedAt.getTime());
  }
  const status = done === states.length ? 'done' : done + waiting === states.length && readMs === 0 ? 'waiting' : 'running';
  // A group not polled yet counts as a window as wide as the average known one.
  const totalMs = windowMs + (known > 0 ? (waiting * windowMs) / known : 0);
  const shareDone = status === 'done' ? 1 : totalMs > 0 ? readMs / totalMs : 0;
  const elapsed = nowMs - earliestStart;
  const etaMs = status === 'done' ? 0 : readMs > 0 && elapsed > 0 ? Math.round((elapsed * (totalMs - readMs)) / readMs) : null;
  return { status, shareDone, events, logGroups: states.length, logGroupsDone: done, etaMs };
}

/** "42 % of the window, 12,345 events, ETA 1 m 20 s" — for the CLI. */
export function describeBackfill(progress: BackfillProgress): string {
  if (progress.status === 'done') return `backfill done, ${progress.events.toLocaleString('en-US')} events`;
  if (progress.status === 'waiting') return 'backfill waiting for its first poll';
  const groups = progress.logGroups > 1 ? ` (${progress.logGroupsDone} of ${progress.logGroups} log groups done)` : '';
  const eta = progress.etaMs === null ? 'ETA unknown' : `ETA ${formatDuration(progress.etaMs)}`;
  return `backfill ${Math.floor(progress.shareDone * 100)} %${groups}, ${progress.events.toLocaleString('en-US')} events, ${eta}`;
}

function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} m ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} m`;
}
