import { findEventIndex } from './find-event-index';
import { findRetentionCutoff } from './find-retention-cutoff';
import type { LogStoreState } from './log-store-state';

/** Drops events older than their group's retention; returns how many went. Used before compaction. */
export function pruneExpiredEvents(state: LogStoreState, now: number): number {
  let dropped = 0;
  for (const group of state.groups.values()) {
    const cutoff = findRetentionCutoff(group, now);
    if (cutoff === Number.NEGATIVE_INFINITY) continue;
    for (const stream of group.streams.values()) {
      const keepFrom = findEventIndex(stream.events, { timestamp: cutoff, seq: 0 });
      if (keepFrom === 0) continue;
      const expired = stream.events.splice(0, keepFrom);
      const bytes = expired.reduce((sum, event) => sum + event.bytes, 0);
      stream.storedBytes -= bytes;
      group.storedBytes -= bytes;
      dropped += expired.length;
    }
  }
  return dropped;
}
