import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { journalLineSchema, type JournalEntry } from './journal-entry';
import type { StoredLogEvent } from './log-store-state';

export type JournalReadSummary = {
  lines: number;
  /** The last line was cut short by a crash mid-write; appending after it would corrupt the next. */
  tornTail: boolean;
};

/**
 * Streams an NDJSON journal line by line into `onEntry`. A missing file is an empty journal. Only
 * the final line may be damaged (a crash mid-write); damage anywhere else is refused loudly.
 */
export async function readJournal(path: string, onEntry: (entry: JournalEntry) => void): Promise<JournalReadSummary> {
  if (!(await fileExists(path))) return { lines: 0, tornTail: false };
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let damagedLine: number | undefined;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.length === 0) continue;
    if (damagedLine !== undefined) throw new Error(`Log journal ${path} is corrupt at line ${damagedLine}`);
    const entry = parseJournalLine(line);
    if (entry) onEntry(entry);
    else damagedLine = lineNumber;
  }
  return { lines: lineNumber, tornTail: damagedLine !== undefined || !(await endsWithNewline(path)) };
}

function parseJournalLine(line: string): JournalEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = journalLineSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const entry = parsed.data;
  if (entry.op !== 'events') return entry;
  const events = entry.events.map(
    ([seq, timestamp, ingestionTime, message]): StoredLogEvent => ({
      seq,
      timestamp,
      ingestionTime,
      message,
      bytes: Buffer.byteLength(message),
    }),
  );
  return { ...entry, events };
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function endsWithNewline(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
