import { ATTEMPT_RECORD, attemptRecordsJson } from './attempt-columns';
import type { AttemptValues } from './plan-attempt-writes';
import type { Transaction } from './store-types';

/**
 * Inserts a function's new attempts in one statement. The planner created them only where none
 * was stored under the caller's locks, so a unique violation means a broken invariant: it aborts
 * the batch (a plain INSERT, since ON CONFLICT's speculative insertion would cost every row).
 */
export async function insertAttempts(tx: Transaction, functionId: number, attempts: readonly AttemptValues[]): Promise<void> {
  if (attempts.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO attempts (function_id, request_id, log_stream_name, started_at, started_at_estimated, ended_at, status, version,
                          duration_ms, billed_duration_ms, memory_size_mb, max_memory_used_mb, init_duration_ms, restore_duration_ms,
                          cold_start, init_type, xray_trace_id, error_type, error_message, error_stack)
    SELECT ${functionId}, n.request_id, n.log_stream_name, n.started_at, n.started_at_estimated, n.ended_at, n.status, n.version,
           n.duration_ms, n.billed_duration_ms, n.memory_size_mb, n.max_memory_used_mb, n.init_duration_ms, n.restore_duration_ms,
           n.cold_start, n.init_type, n.xray_trace_id, n.error_type, n.error_message, n.error_stack
      FROM json_to_recordset(${attemptRecordsJson(attempts)}::json) AS n ${ATTEMPT_RECORD}`;
}
