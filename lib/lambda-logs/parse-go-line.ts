import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';

/** Go's standard `log` prefix: `2020/03/27 03:40:05 ` (microseconds optional). */
const prefix = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?) /;

/** A Go `log` line: timestamp, no request id (FORMATS.md §2.3). */
export function parseGoLine(text: string): AppRecord | null {
  const match = prefix.exec(text);
  if (!match?.[1]) return null;
  const raw = text.slice(match[0].length);
  const record: AppRecord = { kind: 'app', runtime: 'go', format: 'text', timestamp: match[1], message: normaliseLineBreaks(raw) };
  if (findOutOfMemoryRuntime(raw) !== null) record.outOfMemory = true;
  return record;
}
