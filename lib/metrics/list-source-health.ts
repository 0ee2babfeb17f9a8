import type { PrismaClient } from '../db/create-prisma-client';
import { summariseBackfill, type BackfillProgress } from '../ingest/backfill-progress';

export type SourceHealth = {
  id: number;
  name: string;
  kind: string;
  region: string;
  endpoint: string | null;
  profile: string | null;
  roleArn: string | null;
  createdAt: Date;
  lastError: string | null;
  logGroups: number;
  /** How far behind now the least advanced log group's checkpoint is; null before any poll. */
  ingestLagMs: number | null;
  lastPolledAt: Date | null;
  /** Log groups whose last poll failed, with why. */
  failingLogGroups: Array<{ logGroupName: string; lastError: string }>;
  backfill: BackfillProgress;
};

/** Every source with what its log groups say about it: lag, failures, backfill progress. */
export async function listSourceHealth(prisma: PrismaClient, options: { now: number }): Promise<SourceHealth[]> {
  const sources = await prisma.source.findMany({ orderBy: { id: 'asc' }, include: { logGroups: true } });
  return sources.map(({ logGroups, updatedAt: _updatedAt, ...source }) => {
    const polled = logGroups.filter((group) => group.lastPolledAt !== null);
    const lastPolledAt = polled.reduce<Date | null>((latest, group) => (latest === null || (group.lastPolledAt as Date) > latest ? group.lastPolledAt : latest), null);
    const oldestCheckpoint = polled.reduce((oldest, group) => Math.min(oldest, Number(group.checkpointMs)), Infinity);
    return {
      ...source,
      logGroups: logGroups.length,
      // Push-fed groups have no checkpoint to lag behind.
      ingestLagMs: source.kind === 'firehose' || polled.length === 0 ? null : Math.max(0, options.now - oldestCheckpoint),
      lastPolledAt,
      failingLogGroups: logGroups.flatMap((group) => (group.lastError ? [{ logGroupName: group.logGroupName, lastError: group.lastError }] : [])),
      backfill: summariseBackfill(logGroups, options.now),
    };
  });
}
