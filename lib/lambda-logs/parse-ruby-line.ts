import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { readRequestId } from './read-request-id';

/** Ruby's `Logger`: `I, [2026-03-10T22:30:46.745494 #16]  INFO <request id> -- : <message>` (FORMATS.md §2.3, *observed*). */
const pattern = /^[DIWEFAU], \[(\S+) #\d+\] +([A-Z]+) +(?:-- +)?(?:([0-9A-Za-z]{8}-[0-9A-Za-z-]{27,}):? +)?(?:-- [^:]{0,80}: ?)?/;

/** A Ruby `Logger` line; the request id column is optional. */
export function parseRubyLine(text: string): AppRecord | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const raw = text.slice(match[0].length);
  const record: AppRecord = { kind: 'app', runtime: 'ruby', format: 'text', message: normaliseLineBreaks(raw) };
  if (match[1] !== undefined) record.timestamp = match[1];
  if (match[2] !== undefined) record.level = match[2];
  const requestId = readRequestId(match[3]);
  if (requestId !== undefined) record.requestId = requestId;
  if (findOutOfMemoryRuntime(raw) !== null) record.outOfMemory = true;
  return record;
}
