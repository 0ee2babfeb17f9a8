import type { FilteredLogEvent, FilterLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { compileFilterPattern } from '../compile-filter-pattern';
import { findEventIndex } from '../find-event-index';
import { findFirstIndex } from '../find-first-index';
import { findRetentionCutoff } from '../find-retention-cutoff';
import { formatEventId } from '../format-event-id';
import { getLogGroup } from '../get-log-group';
import {
  limitSchema,
  logGroupReferenceSchema,
  logStreamNameSchema,
  nextTokenSchema,
  timestampSchema,
} from '../log-input-schemas';
import type { LogGroupView, LogStreamView } from '../log-store-state';
import type { LogStore } from '../log-store';
import { invalidParameter } from '../logs-errors';
import { mergeStreamEvents, type StreamSlice } from '../merge-stream-events';
import { decodePageToken, encodePageToken } from '../page-token';
import { parseLogsInput } from '../parse-logs-input';
import { BYTES_PER_EVENT_OVERHEAD, MAX_RESPONSE_BYTES } from '../response-limits';

/** AWS refuses newest-first searches that start before 2024-01-01T00:00:00Z. */
const NEWEST_FIRST_EARLIEST_START = Date.UTC(2024, 0, 1);

const filterLogEventsInputSchema = logGroupReferenceSchema.extend({
  logStreamNames: z
    .array(logStreamNameSchema)
    .min(1, 'Member must have length greater than or equal to 1')
    .max(100, 'Member must have length less than or equal to 100')
    .optional(),
  logStreamNamePrefix: logStreamNameSchema.optional(),
  startTime: timestampSchema.optional(),
  endTime: timestampSchema.optional(),
  filterPattern: z.string().max(1024, 'Member must have length less than or equal to 1024').optional(),
  nextToken: nextTokenSchema.optional(),
  limit: limitSchema(10_000).optional(),
  startFromHead: z.boolean().optional(),
  interleaved: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** The (timestamp, seq) gap where the previous page stopped scanning, and which way it was going. */
const filterTokenSchema = z.object({ forward: z.boolean(), timestamp: z.number().int(), seq: z.number().int() });

type FilterLogEventsOutput = Omit<FilterLogEventsCommandOutput, '$metadata'>;

/**
 * Matching events from many streams, interleaved in (timestamp, seq) order by a k-way merge over
 * binary-searched slices. The token records the scan position (not the last match), so paging
 * through a million events costs one pass in total.
 */
export function filterLogEvents(store: LogStore, input: unknown): FilterLogEventsOutput {
  const request = parseLogsInput(filterLogEventsInputSchema, input);
  if (request.logStreamNames !== undefined && request.logStreamNamePrefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive.');
  }
  const group = getLogGroup(store, request);
  const compiled = compileFilterPattern(request.filterPattern ?? '');
  if (!compiled.valid) throw invalidParameter(compiled.reason);
  const token = request.nextToken === undefined ? undefined : decodePageToken(filterTokenSchema, request.nextToken);
  const forward = token?.forward ?? request.startFromHead ?? true;
  if (!forward && request.startTime !== undefined && request.startTime < NEWEST_FIRST_EARLIEST_START) {
    throw invalidParameter('startFromHead=false is supported only for startTime on or after Jan 1, 2024 00:00:00 UTC.');
  }

  const firstVisible = Math.max(request.startTime ?? 0, findRetentionCutoff(group, store.now()));
  const slices = selectStreams(group, request).map((stream): StreamSlice => {
    const events = stream.events;
    let from = findEventIndex(events, { timestamp: firstVisible, seq: 0 });
    // endTime is inclusive here (unlike GetLogEvents).
    let to =
      request.endTime === undefined ? events.length : findEventIndex(events, { timestamp: request.endTime + 1, seq: 0 });
    if (token && forward) from = Math.max(from, findEventIndex(events, token));
    if (token && !forward) to = Math.min(to, findEventIndex(events, token));
    return { stream, from, to };
  });

  const limit = request.limit ?? 10_000;
  const events: FilteredLogEvent[] = [];
  let bytes = 0;
  let stoppedAt: { timestamp: number; seq: number } | undefined;
  for (const { stream, event } of mergeStreamEvents(slices, forward)) {
    const size = event.bytes + BYTES_PER_EVENT_OVERHEAD;
    const full = events.length === limit || (events.length > 0 && bytes + size > MAX_RESPONSE_BYTES);
    if (full) {
      // Resume at this event: forward pages start at the gap, backward pages end before it.
      stoppedAt = forward ? event : { timestamp: event.timestamp, seq: event.seq + 1 };
      break;
    }
    if (!compiled.matches(event.message)) continue;
    bytes += size;
    events.push({
      logStreamName: stream.logStreamName,
      timestamp: event.timestamp,
      message: event.message,
      ingestionTime: event.ingestionTime,
      eventId: formatEventId(event),
    });
  }
  return {
    events,
    searchedLogStreams: [],
    nextToken: stoppedAt
      ? encodePageToken({ forward, timestamp: stoppedAt.timestamp, seq: stoppedAt.seq })
      : undefined,
  };
}

function selectStreams(
  group: LogGroupView,
  request: { logStreamNames?: string[] | undefined; logStreamNamePrefix?: string | undefined },
): LogStreamView[] {
  if (request.logStreamNames) {
    return [...new Set(request.logStreamNames)].flatMap((name) => group.streams.get(name) ?? []);
  }
  const prefix = request.logStreamNamePrefix;
  if (prefix === undefined) return [...group.streams.values()];
  const names = group.streamNames;
  const streams: LogStreamView[] = [];
  for (let i = findFirstIndex(names.length, (n) => (names[n] as string) < prefix); i < names.length; i += 1) {
    const name = names[i] as string;
    if (!name.startsWith(prefix)) break;
    const stream = group.streams.get(name);
    if (stream) streams.push(stream);
  }
  return streams;
}
