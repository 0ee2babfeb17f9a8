/**
 * A 56-digit eventId like AWS's, built from the event's timestamp and its store-wide seq: unique
 * across the store (seq is), stable across restarts (both are journaled), and sorting as the
 * events do. The leading 3 keeps it from starting with zeros, as AWS's ids never do.
 */
export function formatEventId(event: { timestamp: number; seq: number }): string {
  return `3${String(event.timestamp).padStart(19, '0')}${String(event.seq).padStart(36, '0')}`;
}
