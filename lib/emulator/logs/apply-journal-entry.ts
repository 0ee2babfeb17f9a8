import { findEventIndex } from './find-event-index';
import { findFirstIndex } from './find-first-index';
import type { JournalEntry } from './journal-entry';
import type { LogGroupRecord, LogStoreState, LogStreamRecord, StoredLogEvent } from './log-store-state';

/**
 * Applies one journal entry to the in-memory state. Live writes and replay both go through here,
 * so a restart rebuilds exactly what was there. Entries that no longer make sense (a stream of a
 * deleted group) are absorbed rather than failing the whole replay.
 */
export function applyJournalEntry(state: LogStoreState, entry: JournalEntry): void {
  switch (entry.op) {
    case 'header':
      state.nextSeq = Math.max(state.nextSeq, entry.nextSeq);
      return;
    case 'createGroup':
      addGroup(state, entry.group, entry.time);
      return;
    case 'deleteGroup':
      if (state.groups.delete(entry.group)) removeSorted(state.groupNames, entry.group);
      return;
    case 'retention': {
      const group = state.groups.get(entry.group);
      if (group) group.retentionInDays = entry.days ?? undefined;
      return;
    }
    case 'createStream':
      addStream(state, addGroup(state, entry.group, entry.time), entry.stream, entry.time);
      return;
    case 'deleteStream': {
      const group = state.groups.get(entry.group);
      const stream = group?.streams.get(entry.stream);
      if (!group || !stream) return;
      group.streams.delete(entry.stream);
      removeSorted(group.streamNames, entry.stream);
      group.storedBytes -= stream.storedBytes;
      return;
    }
    case 'events': {
      const firstTime = entry.events[0]?.ingestionTime ?? 0;
      const group = addGroup(state, entry.group, firstTime);
      appendToStream(state, group, addStream(state, group, entry.stream, firstTime), entry.events);
      return;
    }
  }
}

function addGroup(state: LogStoreState, name: string, time: number): LogGroupRecord {
  const existing = state.groups.get(name);
  if (existing) return existing;
  const logGroupArn = `arn:aws:logs:${state.region}:${state.accountId}:log-group:${name}`;
  const group: LogGroupRecord = {
    logGroupName: name,
    arn: `${logGroupArn}:*`,
    logGroupArn,
    creationTime: time,
    retentionInDays: undefined,
    storedBytes: 0,
    streams: new Map(),
    streamNames: [],
  };
  state.groups.set(name, group);
  insertSorted(state.groupNames, name);
  return group;
}

function addStream(state: LogStoreState, group: LogGroupRecord, name: string, time: number): LogStreamRecord {
  const existing = group.streams.get(name);
  if (existing) return existing;
  const stream: LogStreamRecord = {
    logGroupName: group.logGroupName,
    logStreamName: name,
    arn: `${group.logGroupArn}:log-stream:${name}`,
    creationTime: time,
    events: [],
    firstEventTimestamp: undefined,
    lastEventTimestamp: undefined,
    lastIngestionTime: undefined,
    lastSeq: undefined,
    storedBytes: 0,
  };
  group.streams.set(name, stream);
  insertSorted(group.streamNames, name);
  return stream;
}

function appendToStream(
  state: LogStoreState,
  group: LogGroupRecord,
  stream: LogStreamRecord,
  events: readonly StoredLogEvent[],
): void {
  for (const event of events) {
    const last = stream.events.at(-1);
    // Lines arrive in time order almost always (O(1) push); a late one is spliced into place.
    if (!last || event.timestamp > last.timestamp || (event.timestamp === last.timestamp && event.seq > last.seq)) {
      stream.events.push(event);
    } else {
      stream.events.splice(findEventIndex(stream.events, event), 0, event);
    }
    stream.firstEventTimestamp = Math.min(stream.firstEventTimestamp ?? event.timestamp, event.timestamp);
    stream.lastEventTimestamp = Math.max(stream.lastEventTimestamp ?? event.timestamp, event.timestamp);
    stream.lastIngestionTime = Math.max(stream.lastIngestionTime ?? event.ingestionTime, event.ingestionTime);
    stream.lastSeq = Math.max(stream.lastSeq ?? event.seq, event.seq);
    stream.storedBytes += event.bytes;
    group.storedBytes += event.bytes;
    if (event.seq >= state.nextSeq) state.nextSeq = event.seq + 1;
  }
}

function insertSorted(names: string[], name: string): void {
  const index = findFirstIndex(names.length, (i) => (names[i] as string) < name);
  if (names[index] !== name) names.splice(index, 0, name);
}

function removeSorted(names: string[], name: string): void {
  const index = findFirstIndex(names.length, (i) => (names[i] as string) < name);
  if (names[index] === name) names.splice(index, 1);
}
