import type { PrismaClient } from '../../db/create-prisma-client';
import type { StoredEventInput } from '../../store/store-types';
import { writeLogBatch } from '../../store/write-log-batch';
import { findFunctionForStream } from '../find-function-for-stream';
import { understandEvent } from '../understand-event';
import { createUnknownFunctions } from './create-unknown-functions';
import type { FirehoseDelivery } from './decode-firehose-request';
import { findOrCreateFirehoseSource } from './find-or-create-firehose-source';
import { groupLogEvents } from './group-log-events';
import { upsertPushedLogGroup } from './upsert-pushed-log-group';

export type FirehoseIngestResult = { logGroups: number; events: number; inserted: number };

/**
 * Stores a decoded delivery: each account's log group in one writeLogBatch transaction. Any
 * failure throws, so the delivery is answered 5xx and Firehose redelivers all of it; events
 * already stored are keyed by event id, so the redelivery adds only what is missing.
 */
export async function ingestFirehoseDelivery(
  prisma: PrismaClient,
  options: { delivery: FirehoseDelivery; /** The delivery stream's region, for accounts seen first. */ region: string },
): Promise<FirehoseIngestResult> {
  const result: FirehoseIngestResult = { logGroups: 0, events: 0, inserted: 0 };
  for (const group of groupLogEvents(options.delivery.documents)) {
    const region = group.region ?? options.region;
    const source = await findOrCreateFirehoseSource(prisma, { account: group.account, region });
    const parsed = group.events.map(understandEvent);
    const functionIds = await createUnknownFunctions(prisma, {
      sourceId: source.id,
      account: group.account,
      region,
      logGroupName: group.logGroupName,
      events: parsed,
    });
    const events: StoredEventInput[] = parsed.map((event) => {
      const name = findFunctionForStream({ logGroupName: group.logGroupName, logStreamName: event.logStreamName });
      return { ...event, functionId: name === null ? null : (functionIds.get(name) ?? null) };
    });
    const state = await upsertPushedLogGroup(prisma, { sourceId: source.id, logGroupName: group.logGroupName });
    const written = await writeLogBatch(prisma, {
      sourceId: source.id,
      logGroupName: group.logGroupName,
      logGroupStateId: state.id,
      events,
      checkpointMs: Number(state.checkpointMs),
    });
    result.logGroups += 1;
    result.events += events.length;
    result.inserted += written.inserted;
  }
  return result;
}
