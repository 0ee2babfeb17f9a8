import type { PutLogEventsCommandOutput, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { findRetentionCutoff } from '../find-retention-cutoff';
import { formatSequenceToken } from '../format-sequence-token';
import { getLogGroup } from '../get-log-group';
import { getLogStream } from '../get-log-stream';
import { logGroupNameSchema, logStreamNameSchema, timestampSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { invalidParameter } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

/* PutLogEvents quotas, from the API reference. */
const MAX_EVENTS = 10_000;
const MAX_BATCH_BYTES = 1_048_576;
const BYTES_PER_EVENT_OVERHEAD = 26;
const MAX_SPAN_MS = 24 * 3_600_000;
const MAX_AGE_MS = 14 * 86_400_000;
const MAX_FUTURE_MS = 2 * 3_600_000;

const putLogEventsInputSchema = z.object({
  logGroupName: logGroupNameSchema,
  logStreamName: logStreamNameSchema,
  logEvents: z
    .array(
      z.object({
        timestamp: timestampSchema,
        message: z.string({ error: 'Member must not be null' }).min(1, 'Member must have length greater than or equal to 1'),
      }),
      { error: 'Member must not be null' },
    )
    .min(1, 'Member must have length greater than or equal to 1'),
  sequenceToken: z.string().optional(),
});

type PutLogEventsOutput = Omit<PutLogEventsCommandOutput, '$metadata'>;

export function putLogEvents(store: LogStore, input: unknown): PutLogEventsOutput {
  const { logGroupName, logStreamName, logEvents } = parseLogsInput(putLogEventsInputSchema, input);
  // Checked here rather than in the schema so the error does not echo 10,000 events back.
  if (logEvents.length > MAX_EVENTS) {
    throw invalidParameter(
      "1 validation error detected: Value at 'logEvents' failed to satisfy constraint: " +
        `Member must have length less than or equal to ${MAX_EVENTS}`,
    );
  }
  const batchBytes = logEvents.reduce((sum, event) => sum + Buffer.byteLength(event.message) + BYTES_PER_EVENT_OVERHEAD, 0);
  if (batchBytes > MAX_BATCH_BYTES) {
    throw invalidParameter(`Upload too large: ${batchBytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  }
  if (logEvents.some((event, i) => event.timestamp < (logEvents[i - 1]?.timestamp ?? event.timestamp))) {
    throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
  }
  const first = logEvents[0]?.timestamp ?? 0;
  if ((logEvents.at(-1)?.timestamp ?? first) - first > MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const group = getLogGroup(store, { logGroupName });
  getLogStream(group, logStreamName);

  // Events are chronological, so rejected ones form a prefix (too old/expired) and a suffix (too new).
  const now = store.now();
  const tooOldBefore = now - MAX_AGE_MS;
  const expiredBefore = findRetentionCutoff(group, now);
  const tooNewAfter = now + MAX_FUTURE_MS;
  const tooOldEnd = countWhile(logEvents, (event) => event.timestamp < tooOldBefore);
  const expiredEnd = countWhile(logEvents, (event) => event.timestamp < expiredBefore);
  const tooNewStart = logEvents.length - countWhile([...logEvents].reverse(), (event) => event.timestamp > tooNewAfter);
  const acceptedFrom = Math.max(tooOldEnd, expiredEnd);
  const accepted = logEvents.slice(acceptedFrom, Math.max(acceptedFrom, tooNewStart));
  const stored = store.appendEvents(logGroupName, logStreamName, accepted);

  const rejected: RejectedLogEventsInfo = {};
  if (tooOldEnd > 0) rejected.tooOldLogEventEndIndex = tooOldEnd;
  if (expiredEnd > 0) rejected.expiredLogEventEndIndex = expiredEnd;
  if (tooNewStart < logEvents.length) rejected.tooNewLogEventStartIndex = tooNewStart;
  const lastSeq = stored.at(-1)?.seq ?? group.streams.get(logStreamName)?.lastSeq ?? 0;
  return {
    nextSequenceToken: formatSequenceToken(lastSeq),
    rejectedLogEventsInfo: Object.keys(rejected).length > 0 ? rejected : undefined,
  };
}

function countWhile<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const index = items.findIndex((item) => !predicate(item));
  return index === -1 ? items.length : index;
}
