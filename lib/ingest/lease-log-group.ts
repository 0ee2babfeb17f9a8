import type { PrismaClient } from '../db/create-prisma-client';
import type { BackfillState } from './backfill-progress';

export type LeasedLogGroup = BackfillState & { id: number; logGroupName: string };

/**
 * Takes the least recently polled log group of a source that no other worker holds, for `leaseMs`.
 * `SKIP LOCKED`: workers never wait on each other and never poll one group at once; a dead
 * worker's lease simply runs out.
 */
export async function leaseNextLogGroup(
  prisma: PrismaClient,
  options: { sourceId: number; owner: string; leaseMs: number; polledBefore: Date },
): Promise<LeasedLogGroup | null> {
  const rows = await prisma.$queryRaw<LeasedRow[]>`
    UPDATE log_group_states SET lease_owner = ${options.owner},
           lease_expires_at = now() + ${options.leaseMs} * interval '1 millisecond'
     WHERE id = (
       SELECT id FROM log_group_states
        WHERE source_id = ${options.sourceId}
          AND (lease_expires_at IS NULL OR lease_expires_at < now())
          AND (last_polled_at IS NULL OR last_polled_at < ${options.polledBefore})
        ORDER BY last_polled_at NULLS FIRST, id
        LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, log_group_name, checkpoint_ms, events_ingested, backfill_start_ms, backfill_end_ms, backfill_started_at, backfill_done`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        logGroupName: row.log_group_name,
        checkpointMs: row.checkpoint_ms,
        eventsIngested: row.events_ingested,
        backfillStartMs: row.backfill_start_ms,
        backfillEndMs: row.backfill_end_ms,
        backfillStartedAt: row.backfill_started_at,
        backfillDone: row.backfill_done,
      }
    : null;
}

type LeasedRow = {
  id: number;
  log_group_name: string;
  checkpoint_ms: bigint;
  events_ingested: bigint;
  backfill_start_ms: bigint;
  backfill_end_ms: bigint | null;
  backfill_started_at: Date | null;
  backfill_done: boolean;
};

export async function releaseLogGroup(prisma: PrismaClient, options: { id: number; owner: string; error?: string }): Promise<void> {
  await prisma.$executeRaw`
    UPDATE log_group_states SET lease_owner = NULL, lease_expires_at = NULL,
           last_error = COALESCE(${options.error ?? null}, last_error)
     WHERE id = ${options.id} AND lease_owner = ${options.owner}`;
}

/**
 * Frees every lease a worker holds on a source. Called as a cycle starts, when none of its lanes
 * can be polling: a cycle cut short (the database restarting) leaves leases it could not release,
 * and the worker would otherwise wait out its own leases before going on.
 */
export async function releaseOwnLeases(prisma: PrismaClient, options: { sourceId: number; owner: string }): Promise<void> {
  await prisma.$executeRaw`
    UPDATE log_group_states SET lease_owner = NULL, lease_expires_at = NULL
     WHERE source_id = ${options.sourceId} AND lease_owner = ${options.owner}`;
}

/**
 * Extends a lease before the next page; false when it was lost (it ran out and another worker took
 * the group), and the poller should stop. Short leases renewed per page mean a killed worker holds
 * its groups only for moments.
 */
export async function renewLease(prisma: PrismaClient, options: { id: number; owner: string; leaseMs: number }): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE log_group_states SET lease_expires_at = now() + ${options.leaseMs} * interval '1 millisecond'
     WHERE id = ${options.id} AND lease_owner = ${options.owner}`;
  return renewed === 1;
}
