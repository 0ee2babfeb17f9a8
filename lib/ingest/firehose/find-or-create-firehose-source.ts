import type { PrismaClient } from '../../db/create-prisma-client';

/**
 * The source of everything Firehose pushes for an AWS account: `firehose:<account>`, kind `aws`,
 * in the region it was first seen in. Created with ON CONFLICT DO NOTHING, so concurrent
 * deliveries agree on one row.
 */
export async function findOrCreateFirehoseSource(prisma: PrismaClient, options: { account: string; region: string }): Promise<{ id: number }> {
  const name = `firehose:${options.account}`;
  await prisma.source.createMany({ data: [{ name, kind: 'firehose', region: options.region }], skipDuplicates: true });
  return prisma.source.findUniqueOrThrow({ where: { name }, select: { id: true } });
}
