import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { PrismaClient } from '../db/create-prisma-client';
import type { StoredEventInput } from '../store/store-types';
import { writeLogBatch } from '../store/write-log-batch';
import { findFunctionForStream } from './find-function-for-stream';
import type { LeasedLogGroup } from './lease-log-group';
import { understandEvent } from './understand-event';

export type PollResult = { events: number; inserted: number; pages: number };

/** Where a poll stands after each stored page, for progress reports. */
export type PolledPage = { group: LeasedLogGroup; checkpointMs: number; inserted: number };

/**
 * Reads a log group from its checkpoint (minus an overlap window, for events CloudWatch delivers
 * late) up to now, every page, storing each page as one batch. The checkpoint becomes the window's
 * end, never "now" at read time nor "last timestamp + 1 ms", which would lose late events.
 */
export async function pollLogGroup(
  prisma: PrismaClient,
  options: {
    sourceId: number;
    logs: CloudWatchLogsClient;
    group: LeasedLogGroup;
    /** Function name → id, for naming each event's function. */
    functionIds: ReadonlyMap<string, number>;
    overlapMs: number;
    now: number;
    /** Waits for a slot under the account's FilterLogEvents quota before each call. */
    beforeCall?: () => Promise<void>;
    /** Extends this worker's lease before each page after the first; false: the lease was lost, stop. */
    renewLease?: () => Promise<boolean>;
    onPage?: (page: PolledPage) => void;
  },
): Promise<PollResult> {
  const startTime = Math.max(0, Number(options.group.checkpointMs) - options.overlapMs);
  const endTime = options.now;
  const group = await fixBackfillWindow(prisma, options.group, endTime);
  const result: PollResult = { events: 0, inserted: 0, pages: 0 };
  let nextToken: string | undefined;
  let newest = Number(group.checkpointMs);
  do {
    if (result.pages > 0 && options.renewLease && !(await options.renewLease())) break;
    await options.beforeCall?.();
    const page = await options.logs
      .send(new FilterLogEventsCommand({ logGroupName: group.logGroupName, startTime, endTime, ...(nextToken ? { nextToken } : {}) }))
      // A function never invoked has no log group yet: nothing to read, so the window is done and the checkpoint
      // moves on (alert windows wait for it).
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return { events: [], nextToken: undefined };
        throw error;
      });
    nextToken = page.nextToken;
    const events: StoredEventInput[] = (page.events ?? []).flatMap((event) => {
      if (!event.eventId || event.timestamp === undefined || !event.logStreamName) return [];
      newest = Math.max(newest, event.timestamp);
      const functionName = findFunctionForStream({ logGroupName: group.logGroupName, logStreamName: event.logStreamName });
      return [
        {
          ...understandEvent({ eventId: event.eventId, timestamp: event.timestamp, logStreamName: event.logStreamName, message: event.message ?? '' }),
          functionId: functionName === null ? null : (options.functionIds.get(functionName) ?? null),
        },
      ];
    });
    // Mid-window pages move the checkpoint only as far as what they saw; the last one to the window's end.
    const checkpointMs = nextToken ? Math.min(newest, endTime) : endTime;
    const written = await writeLogBatch(prisma, {
      sourceId: options.sourceId,
      logGroupName: group.logGroupName,
      logGroupStateId: group.id,
      events,
      checkpointMs,
    });
    result.events += events.length;
    result.inserted += written.inserted;
    result.pages += 1;
    options.onPage?.({ group, checkpointMs, inserted: result.inserted });
  } while (nextToken);
  return result;
}

/**
 * A group's first poll fixes the end of its backfill window (the window is read up to this poll's
 * "now"; later polls only follow new events) and when the backfill began: what progress is measured by.
 */
async function fixBackfillWindow(prisma: PrismaClient, group: LeasedLogGroup, endTime: number): Promise<LeasedLogGroup> {
  if (group.backfillDone || group.backfillEndMs !== null) return group;
  const startedAt = new Date();
  await prisma.logGroupState.updateMany({
    where: { id: group.id, backfillEndMs: null },
    data: { backfillEndMs: BigInt(endTime), backfillStartedAt: startedAt },
  });
  return { ...group, backfillEndMs: BigInt(endTime), backfillStartedAt: startedAt };
}
