import type { GetLogEventsCommandOutput, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { formatPositionToken, parsePositionToken, type PositionToken } from '../event-position-token';
import { findEventIndex, type EventPosition } from '../find-event-index';
import { findRetentionCutoff } from '../find-retention-cutoff';
import { getLogGroup } from '../get-log-group';
import { getLogStream } from '../get-log-stream';
import {
  limitSchema,
  logGroupReferenceSchema,
  logStreamNameSchema,
  nextTokenSchema,
  timestampSchema,
} from '../log-input-schemas';
import type { StoredLogEvent } from '../log-store-state';
import type { LogStore } from '../log-store';
import { parseLogsInput } from '../parse-logs-input';
import { BYTES_PER_EVENT_OVERHEAD, MAX_RESPONSE_BYTES } from '../response-limits';


const getLogEventsInputSchema = logGroupReferenceSchema.extend({
  logStreamName: logStreamNameSchema,
  startTime: timestampSchema.optional(),
  endTime: timestampSchema.optional(),
  nextToken: nextTokenSchema.optional(),
  limit: limitSchema(10_000).optional(),
  startFromHead: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

type GetLogEventsOutput = Omit<GetLogEventsCommandOutput, '$metadata'>;

/**
 * One page of a stream, oldest first within the page. Without a token the page is the head
 * (startFromHead) or the tail (default); `f/` tokens page forward, `b/` tokens backward, and an
 * exhausted direction hands back the token it was given, as AWS does. startTime is inclusive and
 * endTime exclusive.
 */
export function getLogEvents(store: LogStore, input: unknown): GetLogEventsOutput {
  const request = parseLogsInput(getLogEventsInputSchema, input);
  const group = getLogGroup(store, request);
  const events = getLogStream(group, request.logStreamName).events;
  const limit = request.limit ?? 10_000;
  const firstVisible = Math.max(request.startTime ?? 0, findRetentionCutoff(group, store.now()));
  const rangeStart = findEventIndex(events, { timestamp: firstVisible, seq: 0 });
  const rangeEnd =
    request.endTime === undefined ? events.length : findEventIndex(events, { timestamp: request.endTime, seq: 0 });
  const token = request.nextToken === undefined ? undefined : parsePositionToken(request.nextToken);
  const forward = token ? token.direction === 'f' : request.startFromHead === true;

  let from: number;
  let to: number;
  if (forward) {
    from = Math.max(rangeStart, token ? findEventIndex(events, token.position) : 0);
    to = from;
    for (let bytes = 0; to < rangeEnd && to - from < limit; to += 1) {
      bytes += (events[to] as StoredLogEvent).bytes + BYTES_PER_EVENT_OVERHEAD;
      if (bytes > MAX_RESPONSE_BYTES && to > from) break;
    }
  } else {
    to = Math.max(rangeStart, Math.min(rangeEnd, token ? findEventIndex(events, token.position) : events.length));
    from = to;
    for (let bytes = 0; from > rangeStart && to - from < limit; from -= 1) {
      bytes += (events[from - 1] as StoredLogEvent).bytes + BYTES_PER_EVENT_OVERHEAD;
      if (bytes > MAX_RESPONSE_BYTES && from < to) break;
    }
  }

  const page = events.slice(from, to);
  const first = page[0];
  const last = page.at(-1);
  const gapAtFrom = positionAt(events, from);
  return {
    events: page.map(
      (event): OutputLogEvent => ({
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: event.ingestionTime,
      }),
    ),
    nextForwardToken: last
      ? formatPositionToken({ direction: 'f', position: { timestamp: last.timestamp, seq: last.seq + 1 } })
      : sameOr(request.nextToken, token, 'f', forward ? gapAtFrom : positionAt(events, to)),
    nextBackwardToken: first
      ? formatPositionToken({ direction: 'b', position: first })
      : sameOr(request.nextToken, token, 'b', gapAtFrom),
  };
}

/** With nothing returned, the caller's own token comes back (its direction) or is mirrored (the other). */
function sameOr(
  raw: string | undefined,
  token: PositionToken | undefined,
  direction: 'f' | 'b',
  fallback: EventPosition,
): string {
  if (raw !== undefined && token?.direction === direction) return raw;
  return formatPositionToken({ direction, position: token?.position ?? fallback });
}

/** The gap just before events[index]; past the end, the gap after the newest event. */
function positionAt(events: readonly StoredLogEvent[], index: number): EventPosition {
  const event = events[index];
  if (event) return { timestamp: event.timestamp, seq: event.seq };
  const last = events.at(-1);
  return last ? { timestamp: last.timestamp, seq: last.seq + 1 } : { timestamp: 0, seq: 0 };
}
