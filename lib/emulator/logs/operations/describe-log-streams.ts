import type { DescribeLogStreamsCommandOutput, LogStream } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { findFirstIndex } from '../find-first-index';
import { formatSequenceToken } from '../format-sequence-token';
import { getLogGroup } from '../get-log-group';
import { limitSchema, logGroupReferenceSchema, logStreamNameSchema, nextTokenSchema } from '../log-input-schemas';
import type { LogGroupView, LogStreamView } from '../log-store-state';
import type { LogStore } from '../log-store';
import { invalidParameter, invalidNextToken } from '../logs-errors';
import { decodePageToken, encodePageToken } from '../page-token';
import { parseLogsInput } from '../parse-logs-input';

const ORDERS = ['LogStreamName', 'LastEventTime'] as const;

const describeLogStreamsInputSchema = logGroupReferenceSchema.extend({
  logStreamNamePrefix: logStreamNameSchema.optional(),
  orderBy: z.enum(ORDERS, { error: 'Member must satisfy enum value set: [LogStreamName, LastEventTime]' }).optional(),
  descending: z.boolean().optional(),
  nextToken: nextTokenSchema.optional(),
  limit: limitSchema(50).optional(),
});

/** Where the previous page stopped: the last stream returned and, for LastEventTime, its sort time. */
const streamsTokenSchema = z.object({ orderBy: z.enum(ORDERS), name: z.string(), time: z.number() });

type DescribeLogStreamsOutput = Omit<DescribeLogStreamsCommandOutput, '$metadata'>;

export function describeLogStreams(store: LogStore, input: unknown): DescribeLogStreamsOutput {
  const request = parseLogsInput(describeLogStreamsInputSchema, input);
  const { logStreamNamePrefix: prefix = '', orderBy = 'LogStreamName', descending = false, limit = 50 } = request;
  if (orderBy === 'LastEventTime' && request.logStreamNamePrefix !== undefined) {
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const group = getLogGroup(store, request);
  const after = request.nextToken === undefined ? undefined : decodePageToken(streamsTokenSchema, request.nextToken);
  if (after && after.orderBy !== orderBy) throw invalidNextToken();
  const page =
    orderBy === 'LogStreamName'
      ? pageByName(group, prefix, descending, after?.name, limit)
      : pageByLastEventTime(group, descending, after, limit);
  const last = page.streams.at(-1);
  const nextToken =
    page.hasMore && last
      ? encodePageToken({ orderBy, name: last.logStreamName, time: lastEventTime(last) })
      : undefined;
  return { logStreams: page.streams.map(describeStream), nextToken };
}

type StreamPage = { streams: LogStreamView[]; hasMore: boolean };

/** Name order reuses the group's sorted name list: the start is a binary search, not a sort. */
function pageByName(
  group: LogGroupView,
  prefix: string,
  descending: boolean,
  after: string | undefined,
  limit: number,
): StreamPage {
  const names = group.streamNames;
  const nameAt = (index: number) => names[index] as string;
  const inPrefix = (index: number) => nameAt(index).startsWith(prefix);
  let index = descending
    ? Math.min(
        findFirstIndex(names.length, (i) => nameAt(i) < prefix || inPrefix(i)),
        after === undefined ? names.length : findFirstIndex(names.length, (i) => nameAt(i) < after),
      ) - 1
    : findFirstIndex(names.length, (i) => nameAt(i) < prefix || (after !== undefined && nameAt(i) <= after));
  const streams: LogStreamView[] = [];
  for (; index >= 0 && index < names.length && inPrefix(index); index += descending ? -1 : 1) {
    if (streams.length === limit) return { streams, hasMore: true };
    const stream = group.streams.get(names[index] as string);
    if (stream) streams.push(stream);
  }
  return { streams, hasMore: false };
}

/** Event times change with every append, so this order is sorted per call (O(streams · log streams)). */
function pageByLastEventTime(
  group: LogGroupView,
  descending: boolean,
  after: { name: string; time: number } | undefined,
  limit: number,
): StreamPage {
  const sorted = [...group.streams.values()].sort(compareByLastEvent);
  const isBeforeToken = (i: number, inclusive: boolean) => {
    if (!after) return false;
    const stream = sorted[i] as LogStreamView;
    const order = lastEventTime(stream) - after.time || compareNames(stream.logStreamName, after.name);
    return inclusive ? order <= 0 : order < 0;
  };
  let index = descending
    ? (after ? findFirstIndex(sorted.length, (i) => isBeforeToken(i, false)) : sorted.length) - 1
    : findFirstIndex(sorted.length, (i) => isBeforeToken(i, true));
  const streams: LogStreamView[] = [];
  for (; index >= 0 && index < sorted.length; index += descending ? -1 : 1) {
    if (streams.length === limit) return { streams, hasMore: true };
    streams.push(sorted[index] as LogStreamView);
  }
  return { streams, hasMore: false };
}

/** Streams without events sort as if their last event were at 0, before every stream with events. */
function lastEventTime(stream: LogStreamView): number {
  return stream.lastEventTimestamp ?? 0;
}

function compareByLastEvent(a: LogStreamView, b: LogStreamView): number {
  return lastEventTime(a) - lastEventTime(b) || compareNames(a.logStreamName, b.logStreamName);
}

/** Code-unit order, the order the sorted name lists use (not localeCompare). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeStream(stream: LogStreamView): LogStream {
  return {
    logStreamName: stream.logStreamName,
    creationTime: stream.creationTime,
    firstEventTimestamp: stream.firstEventTimestamp,
    lastEventTimestamp: stream.lastEventTimestamp,
    lastIngestionTime: stream.lastIngestionTime,
    uploadSequenceToken: stream.lastSeq === undefined ? undefined : formatSequenceToken(stream.lastSeq),
    arn: stream.arn,
    // AWS has reported 0 for streams since June 2019; the group's storedBytes carries the real size.
    storedBytes: 0,
  };
}
