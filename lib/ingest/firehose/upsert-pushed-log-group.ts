import type { PrismaClient } from '../../db/create-prisma-client';

/**
 * The ingest state of a log group whose events are pushed. A new one claims nothing (checkpoint
 * 0) and has no backfill; an existing one keeps its checkpoint, which only polling moves.
 */
export async function upsertPushedLogGroup(
  prisma: PrismaClient,
  options: { sourceId: number; logGroupName: string },
): Promise<{ id: number; checkpointMs: bigint }> {
  await prisma.logGroupState.createMany({
    data: [{ sourceId: options.sourceId, logGroupName: options.logGroupName, checkpointMs: 0n, backfillStartMs: 0n, backfillDone: true }],
    skipDuplicates: true,
  });
  return prisma.logGroupState.findUniqueOrThrow({
    where: { sourceId_logGroupName: { sourceId: options.sourceId, logGroupName: options.logGroupName } },
    select: { id: true, checkpointMs: true },
  });
}
