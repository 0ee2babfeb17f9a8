import type { PrismaClient } from '../db/create-prisma-client';
import { Prisma } from '../db/generated/client';

export type RetentionPolicy = { rawEventsDays: number; attemptsDays: number; rollupsDays: number };
export type RetentionResult = { rawEvents: number; attempts: number; invocations: number; minutes: number; hours: number; alertHistory: number };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Deletes what has outlived its retention (raw events 7 days, attempts and invocations 30 days,
 * rollups 13 months by default), in batches of `batchSize` rows so no statement holds locks or
 * bloats the WAL for long: never one giant DELETE. Rollups outlive the rows they were counted from.
 */
export async function deleteExpiredRows(
  prisma: PrismaClient,
  options: { policy: RetentionPolicy; now: number; batchSize?: number },
): Promise<RetentionResult> {
  const batchSize = options.batchSize ?? 10_000;
  const before = (days: number) => new Date(options.now - days * DAY_MS);
  const rawCutoff = before(options.policy.rawEventsDays);
  const attemptCutoff = before(options.policy.attemptsDays);
  const rollupCutoff = before(options.policy.rollupsDays);
  const hourCutoff = new Date(Math.floor(rollupCutoff.getTime() / HOUR_MS) * HOUR_MS);
  /** Deletes a table's rows older than `cutoff`, `batchSize` keys at a time. The names are this file's constants. */
  const deleteOlder = (table: string, key: string, column: string, cutoff: Date) => {
    const [rows, keys, time] = [Prisma.raw(table), Prisma.raw(key), Prisma.raw(column)];
    return inBatches(() => prisma.$executeRaw`DELETE FROM ${rows} WHERE (${keys}) IN (SELECT ${keys} FROM ${rows} WHERE ${time} < ${cutoff} LIMIT ${batchSize})`);
  };
  return {
    rawEvents: await deleteOlder('raw_events', 'ctid', '"timestamp"', rawCutoff),
    attempts: await deleteOlder('attempts', 'id', 'started_at', attemptCutoff),
    invocations: await deleteOlder('invocations', 'function_id, request_id', 'first_start_at', attemptCutoff),
    minutes:
      (await deleteOlder('function_minutes', 'function_id, minute', 'minute', rollupCutoff)) +
      (await deleteOlder('function_metric_minutes', 'function_id, minute', 'minute', rollupCutoff)),
    // Only hours wholly before the cutoff: an hour straddling it still answers for its kept minutes.
    hours:
      (await deleteOlder('function_hours', 'function_id, hour', 'hour', hourCutoff)) +
      (await deleteOlder('function_metric_hours', 'function_id, hour', 'hour', hourCutoff)),
    // Alert history lives as long as the rollups it was judged on; sent notifications (and their tries) as long as attempts.
    alertHistory:
      (await deleteOlder('notification_deliveries', 'id', 'created_at', attemptCutoff)) +
      (await deleteOlder('alert_events', 'id', 'at', rollupCutoff)),
  };
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted === 0) return total;
  }
}
