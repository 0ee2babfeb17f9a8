import { findFirstIndex } from './find-first-index';
import type { StoredLogEvent } from './log-store-state';

/** A point in a stream's (timestamp, seq) order; events at or after it are "from" it. */
export type EventPosition = { timestamp: number; seq: number };

/** Index of the first event at or after `position` in a stream sorted by (timestamp, seq). */
export function findEventIndex(events: readonly StoredLogEvent[], position: EventPosition): number {
  return findFirstIndex(events.length, (index) => {
    const event = events[index] as StoredLogEvent;
    return event.timestamp < position.timestamp || (event.timestamp === position.timestamp && event.seq < position.seq);
  });
}
