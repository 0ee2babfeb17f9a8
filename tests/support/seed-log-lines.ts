import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { parseLogEvent } from '../../lib/lambda-logs';
import type { StoredEventInput } from '../../lib/store/store-types';
import { writeLogBatch } from '../../lib/store/write-log-batch';

/** A function with its log group's ingest state, as the read-side tests seed them. */
export type SeededFunction = { functionId: number; stateId: number; logGroupName: string; sourceId: number };

export type SeededFunctionOptions = {
  region?: string;
  runtime?: string;
  memorySizeMB?: number;
  architecture?: string;
  reservedConcurrency?: number;
  deletedAt?: Date;
};

export async function createSeededFunction(prisma: PrismaClient, sourceId: number, name: string, options: SeededFunctionOptions = {}): Promise<SeededFunction> {
  const fn = await prisma.lambdaFunction.create({
    data: {
      sourceId,
      name,
      arn: `arn:aws:lambda:${options.region ?? 'us-east-1'}:000000000000:function:${name}`,
      memorySizeMB: options.memorySizeMB ?? 1024,
      timeoutSeconds: 3,
      logGroupName: `/aws/lambda/${name}`,
      ...(options.runtime ? { runtime: options.runtime } : {}),
      ...(options.architecture ? { architecture: options.architecture } : {}),
      ...(options.reservedConcurrency === undefined ? {} : { reservedConcurrency: options.reservedConcurrency }),
      ...(options.deletedAt ? { deletedAt: options.deletedAt } : {}),
    },
  });
  const state = await prisma.logGroupState.create({ data: { sourceId, logGroupName: fn.logGroupName, checkpointMs: 0n, backfillStartMs: 0n } });
  return { functionId: fn.id, stateId: state.id, logGroupName: fn.logGroupName, sourceId };
}

/** One raw log line: its stream, its time and its text. */
export type Line = [stream: string, at: number, message: string];

/**
 * Writes real Lambda text lines, understood by the real parser, through the real write path; event ids
 * are unique across the calls of one writer.
 */
export function createLineWriter(prisma: PrismaClient, checkpointMs: number) {
  let nextEventId = 0;
  return async (fn: SeededFunction, lines: Line[]): Promise<void> => {
    const events: StoredEventInput[] = lines.map(([logStreamName, timestamp, message]) => ({
      eventId: String(10n ** 55n + BigInt((nextEventId += 1))),
      logStreamName,
      timestamp,
      message,
      record: parseLogEvent({ message, timestamp }),
      functionId: fn.functionId,
    }));
    await writeLogBatch(prisma, { sourceId: fn.sourceId, logGroupName: fn.logGroupName, logGroupStateId: fn.stateId, events, checkpointMs });
  };
}
