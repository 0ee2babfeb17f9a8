import { Prisma } from '../db/generated/client';
import type { AttemptValues } from './plan-attempt-writes';

/**
 * The column list that unpacks `attemptRecordsJson` in SQL: `json_to_recordset($1::json) AS n ${ATTEMPT_RECORD}`.
 * One JSON parameter costs a fraction of one array parameter per column, on both sides of the wire.
 */
export const ATTEMPT_RECORD = Prisma.raw(`(
  id int, request_id text, log_stream_name text, started_at timestamptz, started_at_estimated boolean, ended_at timestamptz,
  status text, version text, duration_ms float8, billed_duration_ms int, memory_size_mb int, max_memory_used_mb int,
  init_duration_ms float8, restore_duration_ms float8, cold_start boolean, init_type text, xray_trace_id text,
  error_type text, error_message text, error_stack text)`);

/** Attempts (with their ids, when stored) as the JSON array `ATTEMPT_RECORD` reads. */
export function attemptRecordsJson(attempts: ReadonlyArray<AttemptValues & { id?: number }>): string {
  return JSON.stringify(
    attempts.map((a) => ({
      id: a.id ?? null,
      request_id: a.requestId,
      log_stream_name: a.logStreamName,
      started_at: a.startedAt.toISOString(),
      started_at_estimated: a.startedAtEstimated,
      ended_at: a.endedAt === null ? null : a.endedAt.toISOString(),
      status: a.status,
      version: a.version,
      duration_ms: a.durationMs,
      billed_duration_ms: a.billedDurationMs,
      memory_size_mb: a.memorySizeMB,
      max_memory_used_mb: a.maxMemoryUsedMB,
      init_duration_ms: a.initDurationMs,
      restore_duration_ms: a.restoreDurationMs,
      cold_start: a.coldStart,
      init_type: a.initType,
      xray_trace_id: a.xrayTraceId,
      error_type: a.errorType,
      error_message: a.errorMessage,
      error_stack: a.errorStack,
    })),
  );
}
