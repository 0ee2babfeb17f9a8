import type { PrismaClient } from '../../db/create-prisma-client';
import type { LogRecord } from '../../lambda-logs';
import { findFunctionForStream } from '../find-function-for-stream';

/** Lambda's defaults, for a function known only from its logs and with no REPORT yet. */
const DEFAULT_MEMORY_MB = 128;
const DEFAULT_TIMEOUT_SECONDS = 3;

/**
 * Names → ids of the functions whose events these are, creating those discovery never saw (a
 * pushed account may never be polled). What the logs do not say is Lambda's default: memory from
 * a REPORT's Memory Size when there is one, else 128 MB; timeout 3 s. Existing rows are untouched.
 */
export async function createUnknownFunctions(
  prisma: PrismaClient,
  options: {
    sourceId: number;
    account: string;
    region: string;
    logGroupName: string;
    events: ReadonlyArray<{ logStreamName: string; record: LogRecord }>;
  },
): Promise<Map<string, number>> {
  const memoryByName = new Map<string, number | undefined>();
  for (const event of options.events) {
    const name = findFunctionForStream({ logGroupName: options.logGroupName, logStreamName: event.logStreamName });
    if (name === null) continue;
    const reported = event.record.kind === 'report' ? event.record.memorySizeMB : undefined;
    memoryByName.set(name, reported ?? memoryByName.get(name));
  }
  if (memoryByName.size === 0) return new Map();
  await prisma.lambdaFunction.createMany({
    data: [...memoryByName].map(([name, memorySizeMB]) => ({
      sourceId: options.sourceId,
      name,
      arn: `arn:aws:lambda:${options.region}:${options.account}:function:${name}`,
      memorySizeMB: memorySizeMB ?? DEFAULT_MEMORY_MB,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      logGroupName: options.logGroupName,
    })),
    skipDuplicates: true,
  });
  const rows = await prisma.lambdaFunction.findMany({
    where: { sourceId: options.sourceId, name: { in: [...memoryByName.keys()] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.name, row.id]));
}
