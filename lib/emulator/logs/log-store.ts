/**
 * The emulator's CloudWatch Logs data: log groups → streams → events, in memory, optionally
 * persisted to `<dir>/logs.ndjson`.
 *
 *   const store = await openLogStore({ dir: '.data', region: 'us-east-1', accountId: '000000000000' });
 *   store.appendEvents('/aws/lambda/fn', '2024/01/01/[$LATEST]abc', [{ timestamp, message }]);
 *   await store.close();
 *
 * `dir: null` keeps everything in memory. Persistence is an append-only NDJSON journal of changes
 * (groups, streams, retention, event batches) written through a buffered async write at most every
 * `flushIntervalMs` (50 ms) and on `flush()`/`close()`; opening replays it, then rewrites it
 * compactly when that saves at least half of it (or something was deleted or expired).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { applyJournalEntry } from './apply-journal-entry';
import type { JournalEntry } from './journal-entry';
import type { LogEventInput, LogSink } from './log-sink';
import type { LogGroupView, LogStoreState, LogStreamView, StoredLogEvent } from './log-store-state';
import { openJournalWriter, type JournalWriter } from './open-journal-writer';
import { pruneExpiredEvents } from './prune-expired-events';
import { readJournal } from './read-journal';
import { countSnapshotLines, writeJournalSnapshot } from './write-journal-snapshot';

export type LogStoreOptions = {
  /** Directory for the journal (created if missing); null keeps logs in memory only. */
  dir: string | null;
  region: string;
  accountId: string;
  /** Clock for ingestion times, retention and PutLogEvents' age checks; Date.now by default. */
  now?: () => number;
  flushIntervalMs?: number;
};

/** A LogSink (what execution environments write to) plus what the Logs API reads and manages. */
export type LogStore = Omit<LogSink, 'appendEvents'> & {
  readonly region: string;
  readonly accountId: string;
  now(): number;
  findLogGroup(logGroupName: string): LogGroupView | null;
  findLogStream(logGroupName: string, logStreamName: string): LogStreamView | null;
  /** All groups, sorted by name (DescribeLogGroups pages over it by binary search). */
  listLogGroupNames(): readonly string[];
  /** Null when the group already exists. */
  createLogGroup(logGroupName: string): LogGroupView | null;
  /** False when there was no such group. */
  deleteLogGroup(logGroupName: string): boolean;
  /** null removes the policy (events never expire). False when there is no such group. */
  setRetention(logGroupName: string, retentionInDays: number | null): boolean;
  /** Null when the stream already exists; throws if the group is missing (callers check first). */
  createLogStream(logGroupName: string, logStreamName: string): LogStreamView | null;
  deleteLogStream(logGroupName: string, logStreamName: string): boolean;
  /**
   * Appends events (creating the group and stream if missing, as Lambda's own logging does) and
   * returns them as stored. O(1) amortised per event when timestamps arrive in order.
   */
  appendEvents(logGroupName: string, logStreamName: string, events: readonly LogEventInput[]): readonly StoredLogEvent[];
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export const LOG_JOURNAL_FILE = 'logs.ndjson';

export async function openLogStore(options: LogStoreOptions): Promise<LogStore> {
  const now = options.now ?? Date.now;
  const state: LogStoreState = {
    region: options.region,
    accountId: options.accountId,
    groups: new Map(),
    groupNames: [],
    nextSeq: 1,
  };
  const flushIntervalMs = options.flushIntervalMs ?? 50;
  const journal = options.dir === null ? null : await openPersistentJournal(options.dir, state, now, flushIntervalMs);
  let closed = false;

  const commit = (entry: JournalEntry) => {
    if (closed) throw new Error('The log store is closed');
    applyJournalEntry(state, entry);
    journal?.append(entry);
  };

  const store: LogStore = {
    region: options.region,
    accountId: options.accountId,
    now,
    findLogGroup: (name) => state.groups.get(name) ?? null,
    findLogStream: (groupName, streamName) => state.groups.get(groupName)?.streams.get(streamName) ?? null,
    listLogGroupNames: () => state.groupNames,
    createLogGroup(name) {
      if (state.groups.has(name)) return null;
      commit({ op: 'createGroup', group: name, time: now() });
      return state.groups.get(name) ?? null;
    },
    deleteLogGroup(name) {
      if (!state.groups.has(name)) return false;
      commit({ op: 'deleteGroup', group: name });
      return true;
    },
    setRetention(name, days) {
      if (!state.groups.has(name)) return false;
      commit({ op: 'retention', group: name, days });
      return true;
    },
    createLogStream(groupName, streamName) {
      const group = state.groups.get(groupName);
      if (!group) throw new Error(`Log group ${groupName} does not exist`);
      if (group.streams.has(streamName)) return null;
      commit({ op: 'createStream', group: groupName, stream: streamName, time: now() });
      return group.streams.get(streamName) ?? null;
    },
    deleteLogStream(groupName, streamName) {
      if (!state.groups.get(groupName)?.streams.has(streamName)) return false;
      commit({ op: 'deleteStream', group: groupName, stream: streamName });
      return true;
    },
    ensureLogGroup(name) {
      if (!state.groups.has(name)) commit({ op: 'createGroup', group: name, time: now() });
    },
    ensureLogStream(groupName, streamName) {
      store.ensureLogGroup(groupName);
      if (!state.groups.get(groupName)?.streams.has(streamName)) {
        commit({ op: 'createStream', group: groupName, stream: streamName, time: now() });
      }
    },
    appendEvents(groupName, streamName, inputs) {
      store.ensureLogStream(groupName, streamName);
      if (inputs.length === 0) return [];
      const ingestionTime = now();
      const events = inputs.map(
        (input): StoredLogEvent => ({
          seq: state.nextSeq++,
          timestamp: input.timestamp,
          ingestionTime,
          message: input.message,
          bytes: Buffer.byteLength(input.message),
        }),
      );
      commit({ op: 'events', group: groupName, stream: streamName, events });
      return events;
    },
    flush: () => journal?.flush() ?? Promise.resolve(),
    async close() {
      if (closed) return;
      closed = true;
      await journal?.close();
    },
  };
  return store;
}

async function openPersistentJournal(
  dir: string,
  state: LogStoreState,
  now: () => number,
  flushIntervalMs: number,
): Promise<JournalWriter> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOG_JOURNAL_FILE);
  let deletions = 0;
  const summary = await readJournal(path, (entry) => {
    if (entry.op === 'deleteGroup' || entry.op === 'deleteStream') deletions += 1;
    applyJournalEntry(state, entry);
  });
  const expired = pruneExpiredEvents(state, now());
  // Rewriting costs about what replay just did, so do it only when it pays off.
  const worthCompacting = deletions > 0 || expired > 0 || summary.lines > 2 * countSnapshotLines(state);
  if (summary.tornTail || (summary.lines > 0 && worthCompacting)) await writeJournalSnapshot(path, state);
  return openJournalWriter({ path, flushIntervalMs });
}
