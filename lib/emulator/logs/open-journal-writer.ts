import { open } from 'node:fs/promises';
import type { JournalEntry, JournalEventTuple } from './journal-entry';

export type JournalWriter = {
  /** Queues an entry; it reaches the file within `flushIntervalMs`. Never touches the disk itself. */
  append(entry: JournalEntry): void;
  /** Resolves once everything appended so far is on disk; rejects if a write ever failed. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export type JournalWriterOptions = { path: string; flushIntervalMs: number };

/**
 * Appends journal entries to an NDJSON file through one buffered write per interval, so the hot
 * path (Lambda log lines at thousands per second) costs an array push and no synchronous I/O.
 */
export async function openJournalWriter(options: JournalWriterOptions): Promise<JournalWriter> {
  const handle = await open(options.path, 'a');
  let pending: JournalEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  let closed = false;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) {
      // Serialising here rather than in append() keeps JSON work off the caller's path.
      const text = pending.map(serializeJournalEntry).join('\n') + '\n';
      pending = [];
      writing = writing
        .then(() => handle.appendFile(text))
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        });
    }
    return writing.then(() => {
      if (failure !== undefined) throw failure;
    });
  };

  return {
    append(entry) {
      if (closed) throw new Error('The log journal is closed');
      pending.push(entry);
      // A failed timed write is remembered and surfaced by the next flush() or close().
      timer ??= setTimeout(() => void flush().catch(() => undefined), options.flushIntervalMs).unref();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await flush();
      } finally {
        await handle.close();
      }
    },
  };
}

function serializeJournalEntry(entry: JournalEntry): string {
  if (entry.op !== 'events') return JSON.stringify(entry);
  const events = entry.events.map(
    (event): JournalEventTuple => [event.seq, event.timestamp, event.ingestionTime, event.message],
  );
  return JSON.stringify({ op: entry.op, group: entry.group, stream: entry.stream, events });
}
