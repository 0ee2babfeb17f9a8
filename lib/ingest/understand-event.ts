import { parseLogEvent } from '../lambda-logs';
import { toPostgresText } from '../store/to-postgres-text';
import type { IngestEvent } from './attempt-fragment';

/** A CloudWatch Logs event as FilterLogEvents returns it or a subscription pushes it. */
export type CloudWatchLogEvent = { eventId: string; timestamp: number; logStreamName: string; message: string };

/**
 * The one way an event enters ingestion, polled or pushed: made storable first, so the record and
 * everything derived from it (request ids, error messages) match what the store will hold.
 */
export function understandEvent(event: CloudWatchLogEvent): IngestEvent & { message: string } {
  const message = toPostgresText(event.message);
  return {
    eventId: event.eventId,
    timestamp: event.timestamp,
    logStreamName: event.logStreamName,
    message,
    record: parseLogEvent({ message, timestamp: event.timestamp }),
  };
}
