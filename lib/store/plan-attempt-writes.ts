import type { AttemptFragment, AttemptStatus } from '../ingest/attempt-fragment';
import { mergeAttemptStatus } from '../ingest/classify-attempt';
import { displacedFirstDelta, rollupDelta, type AttemptFacts, type RollupDelta } from './rollup-delta';

/** Every column of an attempt but its function and id. */
export type AttemptValues = AttemptFacts & {
  requestId: string;
  logStreamName: string;
  startedAtEstimated: boolean;
  endedAt: Date | null;
  version: string | null;
  restoreDurationMs: number | null;
  initType: string | null;
  xrayTraceId: string | null;
  errorType: string | null;
  errorMessage: string | null;
  errorStack: string | null;
};

export type StoredAttempt = AttemptValues & { id: number };

export type AttemptWritePlan = {
  inserts: AttemptValues[];
  /** Stored attempts that changed, as they end up. */
  updates: StoredAttempt[];
  deltas: RollupDelta[];
  /** Distinct, sorted. */
  requestIds: string[];
};

type Tracked = { values: AttemptValues; id: number | null; dirty: boolean };

/**
 * Merges a function's fragments, in the given order, into its stored attempts. `stored` must hold
 * every attempt of each fragment's (stream, request), and for each request the earliest attempt in
 * any other stream: enough to find each fragment's attempt and to rank it among its request's.
 *
 * A fragment with a START creates its attempt (or finds it, or adopts the provisional one its
 * REPORT made); one without continues the newest attempt of that request in that stream. Fields
 * arrive once; the status merges by rank. An attempt is a retry when its request has one that
 * started earlier; a new attempt that starts before its request's first turns that one into a retry.
 * Fragments of one attempt chain: each sees what the previous ones wrote.
 */
export function planAttemptWrites(fragments: readonly AttemptFragment[], stored: readonly StoredAttempt[]): AttemptWritePlan {
  const byPair = new Map<string, Tracked[]>();
  const byRequest = new Map<string, Tracked[]>();
  const track = (entry: Tracked) => {
    push(byPair, pairKey(entry.values.logStreamName, entry.values.requestId), entry);
    push(byRequest, entry.values.requestId, entry);
  };
  for (const { id, ...values } of stored) track({ values: { ...values }, id, dirty: false });

  const created: Tracked[] = [];
  const deltas: RollupDelta[] = [];
  const requestIds = new Set<string>();
  for (const fragment of fragments) {
    requestIds.add(fragment.requestId);
    const siblings = byRequest.get(fragment.requestId) ?? [];
    const existing = findAttempt(byPair.get(pairKey(fragment.logStreamName, fragment.requestId)) ?? [], fragment);
    if (!existing) {
      const values = createdValues(fragment);
      const first = earliest(siblings);
      const isRetry = first !== null && first.values.startedAt.getTime() < values.startedAt.getTime();
      const entry: Tracked = { values, id: null, dirty: true };
      track(entry);
      created.push(entry);
      pushDelta(deltas, rollupDelta(null, factsOf(values), isRetry));
      if (first && !isRetry) pushDelta(deltas, displacedFirstDelta(factsOf(first.values)));
      continue;
    }
    const before = factsOf(existing.values);
    existing.values = mergedValues(existing.values, fragment);
    existing.dirty = true;
    const after = factsOf(existing.values);
    // Only a running attempt that now finishes is counted here, and then it needs to know its rank.
    const isRetry =
      before.status === 'running' && after.status !== 'running'
        ? siblings.some((sibling) => sibling.values.startedAt.getTime() < after.startedAt.getTime())
        : false;
    pushDelta(deltas, rollupDelta(before, after, isRetry));
  }
  return {
    inserts: created.map((entry) => entry.values),
    updates: [...byPair.values()]
      .flat()
      .flatMap((entry) => (entry.id !== null && entry.dirty ? [{ ...entry.values, id: entry.id }] : []))
      .sort((a, b) => a.id - b.id),
    deltas,
    requestIds: [...requestIds].sort(),
  };
}

function findAttempt(candidates: readonly Tracked[], fragment: AttemptFragment): Tracked | null {
  if (fragment.startedAt === undefined) return newest(candidates);
  const startedAt = fragment.startedAt;
  const exact = candidates.find((candidate) => candidate.values.startedAt.getTime() === startedAt);
  // Its REPORT came first and made a provisional attempt: this START is that attempt's.
  return exact ?? newest(candidates.filter((candidate) => candidate.values.startedAtEstimated));
}

function newest(candidates: readonly Tracked[]): Tracked | null {
  let found: Tracked | null = null;
  for (const candidate of candidates) {
    if (!found || candidate.values.startedAt.getTime() > found.values.startedAt.getTime()) found = candidate;
  }
  return found;
}

function earliest(candidates: readonly Tracked[]): Tracked | null {
  let found: Tracked | null = null;
  for (const candidate of candidates) {
    if (!found || candidate.values.startedAt.getTime() < found.values.startedAt.getTime()) found = candidate;
  }
  return found;
}

function createdValues(fragment: AttemptFragment): AttemptValues {
  return {
    requestId: fragment.requestId,
    logStreamName: fragment.logStreamName,
    startedAt: new Date(fragment.startedAt ?? estimatedStart(fragment)),
    startedAtEstimated: fragment.startedAt === undefined,
    status: fragment.status,
    endedAt: fragment.endedAt === undefined ? null : new Date(fragment.endedAt),
    version: fragment.version ?? null,
    durationMs: fragment.durationMs ?? null,
    billedDurationMs: whole(fragment.billedDurationMs),
    memorySizeMB: whole(fragment.memorySizeMB),
    maxMemoryUsedMB: whole(fragment.maxMemoryUsedMB),
    initDurationMs: fragment.initDurationMs ?? null,
    restoreDurationMs: fragment.restoreDurationMs ?? null,
    coldStart: fragment.coldStart ?? false,
    initType: fragment.initType ?? null,
    xrayTraceId: fragment.xrayTraceId ?? null,
    errorType: fragment.errorType ?? null,
    errorMessage: fragment.errorMessage ?? null,
    errorStack: fragment.errorStack ?? null,
  };
}

function mergedValues(existing: AttemptValues, fragment: AttemptFragment): AttemptValues {
  return {
    ...existing,
    ...adoptedStart(existing, fragment),
    status: mergeAttemptStatus(existing.status, fragment.status),
    endedAt: fragment.endedAt === undefined ? existing.endedAt : new Date(fragment.endedAt),
    version: existing.version ?? fragment.version ?? null,
    // Measurements come from an attempt's one REPORT: a second one (a duplicate line) changes nothing already counted.
    durationMs: existing.durationMs ?? fragment.durationMs ?? null,
    billedDurationMs: existing.billedDurationMs ?? whole(fragment.billedDurationMs),
    memorySizeMB: existing.memorySizeMB ?? whole(fragment.memorySizeMB),
    maxMemoryUsedMB: existing.maxMemoryUsedMB ?? whole(fragment.maxMemoryUsedMB),
    initDurationMs: existing.initDurationMs ?? fragment.initDurationMs ?? null,
    restoreDurationMs: existing.restoreDurationMs ?? fragment.restoreDurationMs ?? null,
    coldStart: existing.coldStart || (fragment.coldStart ?? false),
    initType: existing.initType ?? fragment.initType ?? null,
    xrayTraceId: existing.xrayTraceId ?? fragment.xrayTraceId ?? null,
    errorType: existing.errorType ?? fragment.errorType ?? null,
    errorMessage: existing.errorMessage ?? fragment.errorMessage ?? null,
    errorStack: existing.errorStack ?? fragment.errorStack ?? null,
  };
}

/**
 * The true start replaces an estimate. Rollups count an attempt in its start minute, so an estimate
 * in another minute than the truth stays (off by the clock skew between the two lines, < 1 s).
 */
function adoptedStart(existing: AttemptValues, fragment: AttemptFragment): { startedAt?: Date; startedAtEstimated?: boolean } {
  if (!existing.startedAtEstimated || fragment.startedAt === undefined) return {};
  const sameMinute = Math.floor(existing.startedAt.getTime() / 60_000) === Math.floor(fragment.startedAt / 60_000);
  return sameMinute ? { startedAt: new Date(fragment.startedAt), startedAtEstimated: false } : { startedAtEstimated: false };
}

/**
 * An attempt whose START was never seen (older than the backfill window, or a page boundary): its
 * start is REPORT − duration, or without a REPORT the time of its first line.
 */
function estimatedStart(fragment: AttemptFragment): number {
  if (fragment.endedAt === undefined) return fragment.firstSeenAt;
  return Math.round(fragment.endedAt - (fragment.durationMs ?? 0));
}

/** Integer columns take what a producer may write as a float ("Billed Duration: 1.5 ms"). */
function whole(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}

function factsOf(values: AttemptValues): AttemptFacts {
  return {
    status: values.status as AttemptStatus,
    startedAt: values.startedAt,
    durationMs: values.durationMs,
    billedDurationMs: values.billedDurationMs,
    memorySizeMB: values.memorySizeMB,
    maxMemoryUsedMB: values.maxMemoryUsedMB,
    initDurationMs: values.initDurationMs,
    coldStart: values.coldStart,
  };
}

const pairKey = (logStreamName: string, requestId: string) => `${logStreamName}\u0000${requestId}`;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushDelta(deltas: RollupDelta[], delta: RollupDelta | null): void {
  if (delta) deltas.push(delta);
}
