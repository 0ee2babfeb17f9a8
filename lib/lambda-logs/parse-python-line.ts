import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { MAX_REQUEST_ID_LENGTH, readRequestId } from './read-request-id';

const levels: ReadonlySet<string> = new Set(['DEBUG', 'INFO', 'WARNING', 'WARN', 'ERROR', 'CRITICAL', 'NOTSET']);
const tracebackHeader = 'Traceback (most recent call last):';
const NBSP = /\u00a0/g;

/**
 * Python's runtime lines, which start with `[LEVEL]` (FORMATS.md §2.2):
 * - `logging`: `[LEVEL]\t<timestamp>\t<request id>\t<message>` (the id empty during Init), also with
 *   its tabs pasted as spaces;
 * - an unhandled exception: `[ERROR] <Type>: <message>` then `Traceback …` frames, one event, lines
 *   joined by `\r` (or `\n`) and indented with U+00A0, no timestamp nor request id.
 * Null when the bracket does not hold a Python level name.
 */
export function parsePythonLine(text: string): AppRecord | null {
  const close = text.indexOf(']');
  if (close < 2 || close > 9) return null;
  const level = text.slice(1, close);
  if (!levels.has(level)) return null;
  const after = close + 1;
  if (text.charCodeAt(after) === 9) return parseTabbed(text, level, after + 1);
  const rest = text.slice(after).trimStart();
  const record: AppRecord = { kind: 'app', runtime: 'python', format: 'text', level, message: normaliseLineBreaks(rest) };
  if (rest === '') return record;
  if (isDigit(rest.charCodeAt(0))) return parseSpaced(record, rest);
  if (level === 'ERROR') applyException(record, record.message);
  if (findOutOfMemoryRuntime(rest) !== null) record.outOfMemory = true;
  return record;
}

function parseTabbed(text: string, level: string, from: number): AppRecord {
  const timestampEnd = text.indexOf('\t', from);
  const idEnd = timestampEnd < 0 ? -1 : text.indexOf('\t', timestampEnd + 1);
  const raw = idEnd < 0 ? text.slice(timestampEnd < 0 ? from : timestampEnd + 1) : text.slice(idEnd + 1);
  const record: AppRecord = { kind: 'app', runtime: 'python', format: 'text', level, message: normaliseLineBreaks(raw) };
  if (timestampEnd > from) record.timestamp = text.slice(from, timestampEnd);
  const requestId = idEnd < 0 ? undefined : readRequestId(text.slice(timestampEnd + 1, idEnd));
  if (requestId !== undefined) record.requestId = requestId;
  if (findOutOfMemoryRuntime(raw) !== null) record.outOfMemory = true;
  return record;
}

/** A pasted copy whose tabs became spaces: `<timestamp>  <request id>  <message>` (the id may be missing). */
function parseSpaced(record: AppRecord, rest: string): AppRecord {
  const [timestamp = '', second = '', message = ''] = splitTwoTokens(rest);
  record.timestamp = timestamp;
  if (looksLikeRequestId(second)) {
    record.requestId = second;
    record.message = normaliseLineBreaks(message);
  } else {
    record.message = normaliseLineBreaks(rest.slice(timestamp.length).trimStart());
  }
  if (findOutOfMemoryRuntime(rest) !== null) record.outOfMemory = true;
  return record;
}

/** `<Type>: <message>` (or `<Type>` alone) then the traceback; the type is a dotted identifier. */
function applyException(record: AppRecord, message: string): void {
  const lines = message.split('\n');
  const first = lines[0] ?? '';
  const colon = first.indexOf(':');
  const type = colon < 0 ? first : first.slice(0, colon);
  if (!/^[A-Za-z_][\w.]*$/.test(type)) return;
  record.errorType = type;
  const header = lines.indexOf(tracebackHeader);
  const messageLines = [colon < 0 ? '' : first.slice(colon + 1).trimStart(), ...lines.slice(1, header < 0 ? lines.length : header)];
  record.errorMessage = messageLines.join('\n').trimEnd();
  if (header >= 0) record.stackTrace = lines.slice(header + 1).map((line) => line.replace(NBSP, ' '));
}

function splitTwoTokens(text: string): [string, string, string] {
  const first = /^(\S+)\s+(\S+)\s*([\s\S]*)$/.exec(text);
  if (!first) return [text, '', ''];
  return [first[1] ?? '', first[2] ?? '', first[3] ?? ''];
}

function looksLikeRequestId(token: string): boolean {
  return token.length >= 8 && token.length <= MAX_REQUEST_ID_LENGTH && token.includes('-') && /^[\w-]+$/.test(token);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
