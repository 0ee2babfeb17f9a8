import { applyErrorFields } from './apply-error-fields';
import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord, AppRuntime } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { parseJsonObject } from './parse-json-object';
import { readRequestId } from './read-request-id';

const TAB = 9;
const levels: ReadonlyMap<string, AppRuntime> = new Map<string, AppRuntime>([
  ['INFO', 'node'],
  ['WARN', 'node'],
  ['ERROR', 'node'],
  ['DEBUG', 'node'],
  ['TRACE', 'node'],
  ['FATAL', 'node'],
  // .NET's ILambdaLogger labels (FORMATS.md §2.3 says its columns are like Node's: unverified).
  ['trce', 'dotnet'],
  ['dbug', 'dotnet'],
  ['info', 'dotnet'],
  ['warn', 'dotnet'],
  ['fail', 'dotnet'],
  ['crit', 'dotnet'],
]);
const errorLabels = ['Invoke Error', 'Uncaught Exception', 'Unhandled Promise Rejection'];

/**
 * A Node.js console line `<timestamp>\t<request id>\t<LEVEL>\t<message>` (FORMATS.md §2.1);
 * `timestampEnd` is the index of the tab after the timestamp. Before nodejs10.x there was no level
 * column: accepted only when `levelRequired` is false (the caller saw a real ISO timestamp). The
 * runtime's error payloads (`Invoke Error \t{…}`) fill errorType/errorMessage/stackTrace.
 */
export function parseNodeLine(text: string, timestampEnd: number, levelRequired: boolean): AppRecord | null {
  const idEnd = text.indexOf('\t', timestampEnd + 1);
  if (idEnd < 0) return null;
  let levelEnd = -1;
  // A level is at most five characters: look no further, a message may be 256 KB without a tab.
  for (let index = idEnd + 2; index <= idEnd + 6 && index < text.length; index += 1) {
    if (text.charCodeAt(index) === TAB) {
      levelEnd = index;
      break;
    }
  }
  const level = levelEnd < 0 ? undefined : text.slice(idEnd + 1, levelEnd);
  const runtime = level === undefined ? undefined : levels.get(level);
  if (runtime === undefined && levelRequired) return null;

  const raw = runtime === undefined ? text.slice(idEnd + 1) : text.slice(levelEnd + 1);
  const record: AppRecord = { kind: 'app', runtime: runtime ?? 'node', format: 'text', message: normaliseLineBreaks(raw), timestamp: text.slice(0, timestampEnd) };
  const requestId = readRequestId(text.slice(timestampEnd + 1, idEnd));
  if (requestId !== undefined) record.requestId = requestId;
  if (runtime !== undefined) record.level = level;
  if (level === 'ERROR') applyErrorPayload(record, raw);
  if (findOutOfMemoryRuntime(raw) !== null) record.outOfMemory = true;
  return record;
}

/** `<label> \t{json}`, possibly after a library prefix such as `[dd.trace_id=… dd.span_id=…] ` (FORMATS.md §9.8). */
function applyErrorPayload(record: AppRecord, raw: string): void {
  const at = raw.indexOf(' \t{');
  if (at < 0) return;
  const before = raw.slice(0, at);
  if (!errorLabels.some((label) => before.endsWith(label))) return;
  const payload = parseJsonObject(raw.slice(at + 2));
  if (payload) applyErrorFields(record, payload);
}
