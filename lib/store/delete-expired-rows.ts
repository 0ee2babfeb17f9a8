import type { PrismaClient } from '../db/create-prisma-client';

export type RetentionPolicy = { rawEventsDays: number; attemptsDays: number; rollupsDays: number };
export type RetentionResult = { rawEvents: number; attempts: number; invocations: number; minutes: number; hours: number };

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
  return {
    rawEvents: await inBatches(() => prisma.$executeRaw`
      DELETE FROM raw_events WHERE ctid IN (SELECT ctid FROM raw_events WHERE "timestamp" < ${rawCutoff} LIMIT ${batchSize})`),
    attempts: await inBatches(() => prisma.$executeRaw`
      DELETE FROM attempts WHERE id IN (SELECT id FROM attempts WHERE started_at < ${attemptCutoff} LIMIT ${batchSize})`),
    invocations: await inBatches(() => prisma.$executeRaw`
      DELETE FROM invocations WHERE (function_id, request_id) IN (
        SELECT function_id, request_id FROM invocations WHERE first_start_at < ${attemptCutoff} LIMIT ${batchSize})`),
    minutes:
      (await inBatches(() => prisma.$executeRaw`
        DELETE FROM function_minutes WHERE (function_id, minute) IN (
          SELECT function_id, minute FROM function_minutes WHERE minute < ${rollupCutoff} LIMIT ${batchSize})`)) +
      (await inBatches(() => prisma.$executeRaw`
        DELETE FROM function_metric_minutes WHERE (function_id, minute) IN (
          SELECT function_id, minute FROM function_metric_minutes WHERE minute < ${rollupCutoff} LIMIT ${batchSize})`)),
    // Only hours wholly before the cutoff: an hour straddling it still answers for its kept minutes.
    hours:
      (await inBatches(() => prisma.$executeRaw`
        DELETE FROM function_hours WHERE (function_id, hour) IN (
          SELECT function_id, hour FROM function_hours WHERE hour < ${hourCutoff} LIMIT ${batchSize})`)) +
      (await inBatches(() => prisma.$executeRaw`
        DELETE FROM function_metric_hours WHERE (function_id, hour) IN (
          SELECT function_id, hour FROM function_metric_hours WHERE hour < ${hourCutoff} LIMIT ${batchSize})`)),
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
