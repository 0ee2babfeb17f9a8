import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';

const levels: ReadonlySet<string> = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']);
/** AWS's log4j2 pattern `%d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m%n`, date optional. */
const pattern = /^(?:(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:[.,]\d+)?) )?([0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}) +([A-Z]{4,5})(?: +|$)/;

/**
 * A Java line in AWS's recommended log4j2 layout, `[<date> ]<request id> <LEVEL> <logger> - <message>`
 * (FORMATS.md §2.3, [S6]). Java layouts are user-defined: this is the one AWS documents.
 */
export function parseJavaLine(text: string): AppRecord | null {
  const match = pattern.exec(text);
  const level = match?.[3];
  const requestId = match?.[2];
  if (!match || level === undefined || requestId === undefined || !levels.has(level)) return null;
  const raw = text.slice(match[0].length);
  const record: AppRecord = { kind: 'app', runtime: 'java', format: 'text', requestId, level, message: normaliseLineBreaks(raw) };
  if (match[1] !== undefined) record.timestamp = match[1];
  if (findOutOfMemoryRuntime(raw) !== null) record.outOfMemory = true;
  return record;
}
