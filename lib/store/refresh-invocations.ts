import type { Transaction } from './store-types';

/**
 * Rederives invocations (every attempt of a request id, and how the last one ended) from the
 * attempts just written: always equal to what the attempts say, whatever order they arrived in.
 */
export async function refreshInvocations(tx: Transaction, functionId: number, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO invocations (function_id, request_id, attempt_count, first_start_at, last_end_at, final_status)
    SELECT function_id, request_id, count(*)::int, min(started_at), max(ended_at),
           (array_agg(status ORDER BY started_at DESC))[1]
      FROM attempts
     WHERE function_id = ${functionId} AND request_id = ANY(${[...requestIds]}::text[])
     GROUP BY function_id, request_id
    ON CONFLICT (function_id, request_id) DO UPDATE SET
      attempt_count = EXCLUDED.attempt_count,
      first_start_at = EXCLUDED.first_start_at,
      last_end_at = EXCLUDED.last_end_at,
      final_status = EXCLUDED.final_status`;
}
