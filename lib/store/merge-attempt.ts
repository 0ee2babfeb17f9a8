import type { AttemptFragment, AttemptStatus } from '../ingest/attempt-fragment';
import { mergeAttemptStatus } from '../ingest/classify-attempt';
import type { AttemptFacts } from './rollup-delta';
import type { Transaction } from './store-types';

type AttemptRow = AttemptFacts & {
  id: number;
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

/**
 * `isRetry`: an attempt of the same request started earlier. `displacedFirst`: a stored attempt that
 * counted as its request's first, until this one turned out to start before it (attempts can arrive
 * out of order across batches); it is a retry now.
 */
export type MergedAttempt = { before: AttemptFacts | null; after: AttemptFacts; isRetry: boolean; displacedFirst: AttemptFacts | null };

/**
 * Writes one fragment into its attempt, locked for the rest of the transaction: a fragment with a
 * START creates (or finds) its attempt; one without continues the newest attempt of that request
 * in that stream. Fields arrive once; the status merges by rank.
 */
export async function mergeAttempt(tx: Transaction, functionId: number, fragment: AttemptFragment): Promise<MergedAttempt> {
  const existing = await findAttempt(tx, functionId, fragment);
  if (!existing) {
    const startedAt = new Date(fragment.startedAt ?? estimatedStart(fragment));
    const earlier = await countEarlierAttempts(tx, functionId, fragment.requestId, startedAt);
    const [displaced] =
      earlier === 0
        ? await tx.$queryRaw<RawAttemptRow[]>`
            SELECT * FROM attempts WHERE function_id = ${functionId} AND request_id = ${fragment.requestId}
             ORDER BY started_at ASC LIMIT 1 FOR UPDATE`
        : [];
    const created = await tx.attempt.create({
      data: {
        functionId,
        requestId: fragment.requestId,
        logStreamName: fragment.logStreamName,
        startedAt,
        startedAtEstimated: fragment.startedAt === undefined,
        status: fragment.status,
        endedAt: fragment.endedAt === undefined ? null : new Date(fragment.endedAt),
        version: fragment.version ?? null,
        durationMs: fragment.durationMs ?? null,
        billedDurationMs: fragment.billedDurationMs ?? null,
        memorySizeMB: fragment.memorySizeMB ?? null,
        maxMemoryUsedMB: fragment.maxMemoryUsedMB ?? null,
        initDurationMs: fragment.initDurationMs ?? null,
        restoreDurationMs: fragment.restoreDurationMs ?? null,
        coldStart: fragment.coldStart ?? false,
        initType: fragment.initType ?? null,
        xrayTraceId: fragment.xrayTraceId ?? null,
        errorType: fragment.errorType ?? null,
        errorMessage: fragment.errorMessage ?? null,
        errorStack: fragment.errorStack ?? null,
      },
    });
    return {
      before: null,
      after: factsOf({ ...created, status: created.status as AttemptStatus }),
      isRetry: earlier > 0,
      displacedFirst: displaced ? factsOf(fromRaw(displaced)) : null,
    };
  }
  const status = mergeAttemptStatus(existing.status, fragment.status);
  const updated = await tx.attempt.update({
    where: { id: existing.id },
    data: {
      ...adoptedStart(existing, fragment),
      status,
      endedAt: fragment.endedAt === undefined ? existing.endedAt : new Date(fragment.endedAt),
      version: existing.version ?? fragment.version ?? null,
      durationMs: fragment.durationMs ?? existing.durationMs,
      billedDurationMs: fragment.billedDurationMs ?? existing.billedDurationMs,
      memorySizeMB: fragment.memorySizeMB ?? existing.memorySizeMB,
      maxMemoryUsedMB: fragment.maxMemoryUsedMB ?? existing.maxMemoryUsedMB,
      initDurationMs: fragment.initDurationMs ?? existing.initDurationMs,
      restoreDurationMs: fragment.restoreDurationMs ?? existing.restoreDurationMs,
      coldStart: existing.coldStart || (fragment.coldStart ?? false),
      initType: existing.initType ?? fragment.initType ?? null,
      xrayTraceId: existing.xrayTraceId ?? fragment.xrayTraceId ?? null,
      errorType: existing.errorType ?? fragment.errorType ?? null,
      errorMessage: existing.errorMessage ?? fragment.errorMessage ?? null,
      errorStack: existing.errorStack ?? fragment.errorStack ?? null,
    },
  });
  // Only a running attempt that now finishes is counted here, and then it needs to know its rank.
  const isRetry = existing.status === 'running' && status !== 'running'
    ? (await countEarlierAttempts(tx, functionId, fragment.requestId, updated.startedAt)) > 0
    : false;
  return { before: factsOf(existing), after: factsOf({ ...updated, status: updated.status as AttemptStatus }), isRetry, displacedFirst: null };
}

function countEarlierAttempts(tx: Transaction, functionId: number, requestId: string, startedAt: Date): Promise<number> {
  return tx.attempt.count({ where: { functionId, requestId, startedAt: { lt: startedAt } } });
}

async function findAttempt(tx: Transaction, functionId: number, fragment: AttemptFragment): Promise<AttemptRow | null> {
  if (fragment.startedAt === undefined) {
    const [newest] = await tx.$queryRaw<RawAttemptRow[]>`
      SELECT * FROM attempts
       WHERE function_id = ${functionId} AND log_stream_name = ${fragment.logStreamName} AND request_id = ${fragment.requestId}
       ORDER BY started_at DESC LIMIT 1 FOR UPDATE`;
    return newest ? fromRaw(newest) : null;
  }
  const [exact] = await tx.$queryRaw<RawAttemptRow[]>`
    SELECT * FROM attempts
     WHERE function_id = ${functionId} AND log_stream_name = ${fragment.logStreamName} AND request_id = ${fragment.requestId}
       AND started_at = ${new Date(fragment.startedAt)}
     FOR UPDATE`;
  if (exact) return fromRaw(exact);
  // Its REPORT came first and made a provisional attempt: this START is that attempt's.
  const [provisional] = await tx.$queryRaw<RawAttemptRow[]>`
    SELECT * FROM attempts
     WHERE function_id = ${functionId} AND log_stream_name = ${fragment.logStreamName} AND request_id = ${fragment.requestId}
       AND started_at_estimated
     ORDER BY started_at DESC LIMIT 1 FOR UPDATE`;
  return provisional ? fromRaw(provisional) : null;
}

/**
 * The true start replaces an estimate. Rollups count an attempt in its start minute, so an estimate
 * in another minute than the truth stays (off by the clock skew between the two lines, < 1 s).
 */
function adoptedStart(existing: AttemptRow, fragment: AttemptFragment): { startedAt?: Date; startedAtEstimated?: boolean } {
  if (!existing.startedAtEstimated || fragment.startedAt === undefined) return {};
  const sameMinute = Math.floor(existing.startedAt.getTime() / 60_000) === Math.floor(fragment.startedAt / 60_000);
  return sameMinute ? { startedAt: new Date(fragment.startedAt), startedAtEstimated: false } : { startedAtEstimated: false };
}

/** A REPORT whose START was never seen (older than the backfill window): its start is REPORT − duration. */
function estimatedStart(fragment: AttemptFragment): number {
  const end = fragment.endedAt ?? 0;
  return Math.round(end - (fragment.durationMs ?? 0));
}

type RawAttemptRow = {
  id: number;
  status: string;
  started_at: Date;
  started_at_estimated: boolean;
  ended_at: Date | null;
  version: string | null;
  duration_ms: number | null;
  billed_duration_ms: number | null;
  memory_size_mb: number | null;
  max_memory_used_mb: number | null;
  init_duration_ms: number | null;
  restore_duration_ms: number | null;
  cold_start: boolean;
  init_type: string | null;
  xray_trace_id: string | null;
  error_type: string | null;
  error_message: string | null;
  error_stack: string | null;
};

function fromRaw(row: RawAttemptRow): AttemptRow {
  return {
    id: row.id,
    status: row.status as AttemptStatus,
    startedAt: row.started_at,
    startedAtEstimated: row.started_at_estimated,
    endedAt: row.ended_at,
    version: row.version,
    durationMs: row.duration_ms,
    billedDurationMs: row.billed_duration_ms,
    memorySizeMB: row.memory_size_mb,
    maxMemoryUsedMB: row.max_memory_used_mb,
    initDurationMs: row.init_duration_ms,
    restoreDurationMs: row.restore_duration_ms,
    coldStart: row.cold_start,
    initType: row.init_type,
    xrayTraceId: row.xray_trace_id,
    errorType: row.error_type,
    errorMessage: row.error_message,
    errorStack: row.error_stack,
  };
}

function factsOf(row: AttemptFacts): AttemptFacts {
  return {
    status: row.status,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    billedDurationMs: row.billedDurationMs,
    memorySizeMB: row.memorySizeMB,
    maxMemoryUsedMB: row.maxMemoryUsedMB,
    initDurationMs: row.initDurationMs,
    coldStart: row.coldStart,
  };
}
