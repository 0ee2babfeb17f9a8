import { open, rename } from 'node:fs/promises';
import type { JournalEventTuple } from './journal-entry';
import type { LogStoreState } from './log-store-state';

/** Events per `events` line in a snapshot: big enough to be compact, small enough to stream. */
const EVENTS_PER_LINE = 1000;

/**
 * Rewrites the journal as the shortest journal that replays to `state`: one line per group,
 * retention and stream, events in chunks. Written beside the journal and renamed over it, so a
 * crash leaves either the old journal or the new one, never half of each.
 */
export async function writeJournalSnapshot(path: string, state: LogStoreState): Promise<void> {
  const temporaryPath = `${path}.compacting`;
  const handle = await open(temporaryPath, 'w');
  try {
    await handle.appendFile(JSON.stringify({ op: 'header', nextSeq: state.nextSeq }) + '\n');
    for (const groupName of state.groupNames) {
      const group = state.groups.get(groupName);
      if (!group) continue;
      const lines = [JSON.stringify({ op: 'createGroup', group: groupName, time: group.creationTime })];
      if (group.retentionInDays !== undefined) {
        lines.push(JSON.stringify({ op: 'retention', group: groupName, days: group.retentionInDays }));
      }
      await handle.appendFile(lines.join('\n') + '\n');
      for (const streamName of group.streamNames) {
        const stream = group.streams.get(streamName);
        if (!stream) continue;
        const head = { op: 'createStream', group: groupName, stream: streamName, time: stream.creationTime };
        await handle.appendFile(JSON.stringify(head) + '\n');
        for (let start = 0; start < stream.events.length; start += EVENTS_PER_LINE) {
          const events = stream.events
            .slice(start, start + EVENTS_PER_LINE)
            .map((event): JournalEventTuple => [event.seq, event.timestamp, event.ingestionTime, event.message]);
          await handle.appendFile(JSON.stringify({ op: 'events', group: groupName, stream: streamName, events }) + '\n');
        }
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporaryPath, path);
}

/** How many lines `writeJournalSnapshot` would write for `state`; compaction compares it with the journal. */
export function countSnapshotLines(state: LogStoreState): number {
  let lines = 1;
  for (const group of state.groups.values()) {
    lines += group.retentionInDays === undefined ? 1 : 2;
    for (const stream of group.streams.values()) lines += 1 + Math.ceil(stream.events.length / EVENTS_PER_LINE);
  }
  return lines;
}
