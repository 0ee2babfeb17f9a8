import type { AttemptFragment, AttemptStatus } from '../ingest/attempt-fragment';
import type { StoredAttempt } from './plan-attempt-writes';
import type { Transaction } from './store-types';

/**
 * Locks and loads, in one statement, every stored attempt a function's fragments may touch: all
 * attempts of each fragment's (stream, request) — by exact start, newest, provisional — and, for
 * each request, its earliest attempt in any other stream (its rank, and the first it may displace).
 * Locked in id order, so concurrent writers queue instead of deadlocking.
 */
export async function lockAttempts(tx: Transaction, functionId: number, fragments: readonly AttemptFragment[]): Promise<StoredAttempt[]> {
  if (fragments.length === 0) return [];
  const pairs = new Map<string, { stream: string; requestId: string }>();
  for (const fragment of fragments) {
    pairs.set(`${fragment.logStreamName}\u0000${fragment.requestId}`, { stream: fragment.logStreamName, requestId: fragment.requestId });
  }
  const streams = [...pairs.values()].map((pair) => pair.stream);
  const requestIds = [...pairs.values()].map((pair) => pair.requestId);
  const distinctRequestIds = [...new Set(requestIds)].sort();
  const rows = await tx.$queryRaw<RawAttemptRow[]>`
    SELECT a.* FROM attempts a
     WHERE a.id IN (
             SELECT touched.id
               FROM unnest(${streams}::text[], ${requestIds}::text[]) AS p(log_stream_name, request_id)
               JOIN attempts touched
                 ON touched.function_id = ${functionId}
                AND touched.log_stream_name = p.log_stream_name
                AND touched.request_id = p.request_id
           UNION ALL
           (SELECT DISTINCT ON (other.request_id) other.id
             FROM attempts other
            WHERE other.function_id = ${functionId}
              AND other.request_id = ANY(${distinctRequestIds}::text[])
              AND NOT EXISTS (
                    SELECT 1 FROM unnest(${streams}::text[], ${requestIds}::text[]) AS q(log_stream_name, request_id)
                     WHERE q.log_stream_name = other.log_stream_name AND q.request_id = other.request_id)
            ORDER BY other.request_id, other.started_at, other.id))
     ORDER BY a.id
       FOR UPDATE`;
  return rows.map(fromRaw);
}

type RawAttemptRow = {
  id: number;
  request_id: string;
  log_stream_name: string;
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

function fromRaw(row: RawAttemptRow): StoredAttempt {
  return {
    id: row.id,
    requestId: row.request_id,
    logStreamName: row.log_stream_name,
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
