import { assembleAttempts } from '../ingest/assemble-attempts';
import type { PrismaClient } from '../db/create-prisma-client';
import { applyRollupDeltas } from './apply-rollup-deltas';
import { insertRawEvents } from './insert-raw-events';
import { insertAttempts } from './insert-attempts';
import { lockAttempts } from './lock-attempts';
import { planAttemptWrites } from './plan-attempt-writes';
import { refreshInvocations } from './refresh-invocations';
import { updateAttempts } from './update-attempts';
import type { StoredEventInput } from './store-types';

/** The first key of the two-key advisory locks this module takes (distinct from Prisma's migration lock). */
const LOG_GROUP_LOCK_SPACE = 1_819_047_781;

export type LogBatch = {
  sourceId: number;
  logGroupName: string;
  /** The log_group_states row whose checkpoint this batch advances. */
  logGroupStateId: number;
  events: readonly StoredEventInput[];
  /** Never "now" nor "last timestamp + 1 ms": the caller keeps an overlap window for late events. */
  checkpointMs: number;
};

export type BatchResult = { inserted: number; duplicates: number; attemptsTouched: number };

/**
 * Stores one batch with an exactly-once effect, in one transaction: raw events keyed by event id,
 * then — from the newly inserted events only — attempts, invocations and minute rollups, and the
 * checkpoint. A crash at any instant leaves either all of it or none of it.
 */
export async function writeLogBatch(prisma: PrismaClient, batch: LogBatch): Promise<BatchResult> {
  return prisma.$transaction(
    async (tx) => {
      // One writer per log group at a time (a poller and a Firehose delivery may overlap): an
      // attempt's START and REPORT in two concurrent batches would otherwise both create it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOG_GROUP_LOCK_SPACE}, hashtext(${`${batch.sourceId}:${batch.logGroupName}`}))`;
      const fresh = await insertRawEvents(tx, batch);
      const inserted = fresh.size;
      // Each new event once, even if the batch carried it twice (deleted from `fresh` as it is taken).
      const freshEvents = batch.events.filter((event) => fresh.delete(event.eventId));
      let attemptsTouched = 0;
      for (const [functionId, events] of groupByFunction(freshEvents)) {
        // In start order, so a request's first attempt is met before its retries (ties by stream: a
        // stable order, so writers lock alike).
        const fragments = assembleAttempts(events).sort(
          (a, b) => (a.startedAt ?? a.endedAt ?? 0) - (b.startedAt ?? b.endedAt ?? 0) || a.logStreamName.localeCompare(b.logStreamName),
        );
        const plan = planAttemptWrites(fragments, await lockAttempts(tx, functionId, fragments));
        await insertAttempts(tx, functionId, plan.inserts);
        await updateAttempts(tx, plan.updates);
        attemptsTouched += fragments.length;
        await refreshInvocations(tx, functionId, plan.requestIds);
        await applyRollupDeltas(tx, functionId, plan.deltas);
      }
      const checkpointMs = BigInt(Math.floor(batch.checkpointMs));
      // The backfill is done once the checkpoint reaches the end of its window (fixed by the first poll).
      await tx.$executeRaw`
        UPDATE log_group_states SET
          checkpoint_ms = GREATEST(checkpoint_ms, ${checkpointMs}),
          backfill_finished_at = CASE WHEN NOT backfill_done AND GREATEST(checkpoint_ms, ${checkpointMs}) >= backfill_end_ms
                                      THEN now() ELSE backfill_finished_at END,
          backfill_done = backfill_done OR COALESCE(GREATEST(checkpoint_ms, ${checkpointMs}) >= backfill_end_ms, false),
          events_ingested = events_ingested + ${inserted},
          last_polled_at = now(),
          last_error = NULL
        WHERE id = ${batch.logGroupStateId}`;
      return { inserted, duplicates: batch.events.length - inserted, attemptsTouched };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function groupByFunction(events: readonly StoredEventInput[]): Map<number, StoredEventInput[]> {
  const groups = new Map<number, StoredEventInput[]>();
  for (const event of events) {
    if (event.functionId === null) continue;
    const group = groups.get(event.functionId) ?? [];
    group.push(event);
    groups.set(event.functionId, group);
  }
  return new Map([...groups].sort(([a], [b]) => a - b));
}
