import { ATTEMPT_RECORD, attemptRecordsJson } from './attempt-columns';
import type { StoredAttempt } from './plan-attempt-writes';
import type { Transaction } from './store-types';

/** Writes back, in one statement, stored attempts (already locked) as the planner left them. */
export async function updateAttempts(tx: Transaction, attempts: readonly StoredAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  await tx.$executeRaw`
    UPDATE attempts a SET
      started_at = u.started_at, started_at_estimated = u.started_at_estimated, ended_at = u.ended_at, status = u.status,
      version = u.version, duration_ms = u.duration_ms, billed_duration_ms = u.billed_duration_ms, memory_size_mb = u.memory_size_mb,
      max_memory_used_mb = u.max_memory_used_mb, init_duration_ms = u.init_duration_ms, restore_duration_ms = u.restore_duration_ms,
      cold_start = u.cold_start, init_type = u.init_type, xray_trace_id = u.xray_trace_id, error_type = u.error_type,
      error_message = u.error_message, error_stack = u.error_stack
      FROM json_to_recordset(${attemptRecordsJson(attempts)}::json) AS u ${ATTEMPT_RECORD}
     WHERE a.id = u.id`;
}
