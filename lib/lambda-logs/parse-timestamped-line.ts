import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord, TimeoutRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { parseNodeLine } from './parse-node-line';
import { MAX_REQUEST_ID_LENGTH } from './read-request-id';

const TAB = 9;
const SPACE = 32;
const timedOut = 'Task timed out after ';

/**
 * A line that starts with an ISO-8601 timestamp (`2020-06-09T15:02:26.150Z`):
 * - `<ts>\t<id>\t<LEVEL>\t<message>`: a Node.js console line (FORMATS.md §2.1);
 * - `<ts> <id> Task timed out after N.NN seconds`: the timeout line, space-separated (§1.8);
 * - `<ts> <id> <text>`: output written around the runtime's console, e.g. V8's
 *   `FATAL ERROR: … JavaScript heap out of memory` (§1.9, [S1]).
 * Null otherwise (e.g. a viewer's timestamp before a platform line, which the caller strips).
 */
export function parseTimestampedLine(text: string): AppRecord | TimeoutRecord | null {
  if (!isIsoDateStart(text)) return null;
  let timestampEnd = 10;
  const limit = Math.min(text.length, 40);
  while (timestampEnd < limit && text.charCodeAt(timestampEnd) !== TAB && text.charCodeAt(timestampEnd) !== SPACE) timestampEnd += 1;
  const separator = text.charCodeAt(timestampEnd);
  if (separator === TAB) return parseNodeLine(text, timestampEnd, false);
  if (separator !== SPACE) return null;

  const idStart = timestampEnd + 1;
  let idEnd = idStart;
  while (idEnd < text.length && isIdCharacter(text.charCodeAt(idEnd))) idEnd += 1;
  if (text.charCodeAt(idEnd) !== SPACE || !isRequestIdShape(text, idStart, idEnd)) return null;
  const requestId = text.slice(idStart, idEnd);
  if (text.startsWith(timedOut, idEnd + 1)) {
    const secondsStart = idEnd + 1 + timedOut.length;
    const secondsEnd = text.indexOf(' ', secondsStart);
    const timeoutSeconds = Number(text.slice(secondsStart, secondsEnd < 0 ? undefined : secondsEnd));
    if (Number.isFinite(timeoutSeconds)) return { kind: 'timeout', requestId, timeoutSeconds };
  }
  const raw = text.slice(idEnd + 1);
  const runtime = findOutOfMemoryRuntime(raw);
  const record: AppRecord = { kind: 'app', runtime: runtime ?? 'unknown', format: 'text', requestId, timestamp: text.slice(0, timestampEnd), message: normaliseLineBreaks(raw) };
  if (runtime !== null) record.outOfMemory = true;
  return record;
}

function isIsoDateStart(text: string): boolean {
  return (
    text.length > 11 &&
    isDigit(text.charCodeAt(0)) &&
    isDigit(text.charCodeAt(1)) &&
    isDigit(text.charCodeAt(2)) &&
    isDigit(text.charCodeAt(3)) &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84
  );
}

/** Request ids are UUIDs, or docs/test ids such as `8f507cfc-xmpl-…`, 32 hex or `test-request-id` (FORMATS.md §1.2). */
function isRequestIdShape(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 8 || length > MAX_REQUEST_ID_LENGTH) return false;
  if (length === 32) return true;
  return text.slice(start, end).includes('-');
}

function isIdCharacter(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
