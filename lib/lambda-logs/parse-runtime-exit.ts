import type { RuntimeExitRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { readRequestId } from './read-request-id';

const legacyReason = 'Process exited before completing request';
/** An error type such as `Runtime.ExitError` at the end of a line whose `\n` became a space. */
const trailingErrorType = /\s([A-Z][A-Za-z]*\.[A-Za-z][\w.]*)$/;

/**
 * The runtime-exit event (FORMATS.md §1.9): `[RequestId: <id> ]Error[:] Runtime exited with error:
 * <signal: … | exit status N>` or `… Runtime exited without providing a reason`, then `\n` (or a
 * space) and the error type; and the legacy `RequestId: <id> Process exited before completing
 * request`. `signal: killed` is the kernel's OOM kill. Null for anything else.
 */
export function parseRuntimeExit(text: string): RuntimeExitRecord | null {
  let index = 0;
  let requestId: string | undefined;
  if (text.startsWith('RequestId:')) {
    index = skipBlanks(text, 10);
    const idEnd = tokenEnd(text, index);
    requestId = readRequestId(text.slice(index, idEnd));
    index = skipBlanks(text, idEnd);
  }
  if (text.startsWith(legacyReason, index)) {
    // No error type is written with this wording; Runtime.ExitError is what Lambda reports for it today.
    return withRequestId({ kind: 'runtime-exit', reason: legacyReason, errorType: 'Runtime.ExitError', outOfMemory: false }, requestId);
  }
  if (!text.startsWith('Error', index)) return null;
  index += 5;
  if (text.charCodeAt(index) === 58) index += 1;
  index = skipBlanks(text, index);
  if (!text.startsWith('Runtime exited', index)) return null;

  const body = normaliseLineBreaks(text.slice(index));
  const lineEnd = body.indexOf('\n');
  let reason = (lineEnd < 0 ? body : body.slice(0, lineEnd)).trim();
  let errorType = lineEnd < 0 ? undefined : body.slice(lineEnd + 1).trim().split('\n')[0]?.trim();
  if (lineEnd < 0) {
    const joined = trailingErrorType.exec(reason);
    if (joined?.[1]) {
      errorType = joined[1];
      reason = reason.slice(0, joined.index).trimEnd();
    }
  }
  const record: RuntimeExitRecord = { kind: 'runtime-exit', reason, errorType: errorType || 'Runtime.ExitError', outOfMemory: false };
  const detail = 'Runtime exited with error: ';
  if (reason.startsWith(detail)) {
    const description = reason.slice(detail.length);
    if (description.startsWith('signal: ')) record.signal = description.slice(8);
    else if (description.startsWith('exit status ')) {
      const status = Number(description.slice(12));
      if (Number.isInteger(status)) record.exitStatus = status;
    }
  }
  record.outOfMemory = record.signal === 'killed' || record.errorType === 'Runtime.OutOfMemory';
  return withRequestId(record, requestId);
}

function withRequestId(record: RuntimeExitRecord, requestId: string | undefined): RuntimeExitRecord {
  if (requestId === undefined) return record;
  // requestId second, as in the Text line, for readable NDJSON.
  const { kind, ...rest } = record;
  return { kind, requestId, ...rest };
}

function skipBlanks(text: string, from: number): number {
  let index = from;
  while (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9) index += 1;
  return index;
}

function tokenEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && text.charCodeAt(index) > 32) index += 1;
  return index;
}
