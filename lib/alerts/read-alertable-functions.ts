import type { PrismaClient } from '../db/create-prisma-client';
import type { FunctionFacts } from './alert-signals';

export type AlertableFunction = FunctionFacts & {
  id: number;
  name: string;
  tags: Record<string, string>;
  /** Windows ending at or before this instant are complete: every attempt started in them has finished and been ingested. */
  caughtUpUntil: Date;
};

/** Push sources (Firehose) have no checkpoint: what has not arrived a minute after it happened is treated as late. */
const PUSH_DELAY_MS = 60_000;

/**
 * Every function not deleted, with how far its data can be judged: its log group's checkpoint
 * (events before it are in) less its timeout (an attempt started just before the window's end
 * reports up to a timeout later), never later than now.
 */
export async function readAlertableFunctions(prisma: PrismaClient, now: Date): Promise<AlertableFunction[]> {
  const rows = await prisma.$queryRaw<Array<{ id: number; name: string; architecture: string; region: string; reserved_concurrency: number | null; tags: Record<string, string>; caught_up_ms: number }>>`
    SELECT f.id, f.name, f.architecture, s.region, f.reserved_concurrency, f.tags,
           (COALESCE(g.checkpoint_ms, ${now.getTime() - PUSH_DELAY_MS}::bigint) - f.timeout_seconds * 1000)::float8 AS caught_up_ms
      FROM functions f
      JOIN sources s ON s.id = f.source_id
      LEFT JOIN log_group_states g ON g.source_id = f.source_id AND g.log_group_name = f.log_group_name
     WHERE f.deleted_at IS NULL
     ORDER BY f.id`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    architecture: row.architecture,
    region: row.region,
    reservedConcurrency: row.reserved_concurrency,
    tags: row.tags,
    caughtUpUntil: new Date(Math.min(now.getTime(), row.caught_up_ms)),
  }));
}
