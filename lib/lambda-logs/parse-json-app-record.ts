import { applyErrorFields } from './apply-error-fields';
import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import type { AppRecord, AppRuntime } from './log-record';
import type { JsonObject } from './parse-json-object';
import { readRequestId } from './read-request-id';
import { toJsonText } from './to-json-text';

const dotnetLevels: ReadonlySet<string> = new Set(['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical']);

/**
 * A JSON-format application record (FORMATS.md §4.2): `level` (Python's unhandled errors:
 * `log_level`), `message` that may be any JSON value — kept as JSON text when not a string — and
 * the error fields. The runtime is inferred from the keys each runtime writes (heuristic). Null when
 * the message cannot be written back as JSON (nested too deep): the caller keeps the event as text.
 */
export function parseJsonAppRecord(object: JsonObject): AppRecord | null {
  const level = typeof object.level === 'string' ? object.level : typeof object.log_level === 'string' ? object.log_level : undefined;
  const message = object.message;
  const text = typeof message === 'string' ? message : message === undefined ? (typeof object.errorMessage === 'string' ? object.errorMessage : '') : toJsonText(message);
  if (text === null) return null;
  const record: AppRecord = { kind: 'app', runtime: runtimeOf(object, level), format: 'json', message: text };
  const requestId = readRequestId(typeof object.requestId === 'string' ? object.requestId : typeof object.AWSRequestId === 'string' ? object.AWSRequestId : undefined);
  if (requestId !== undefined) record.requestId = requestId;
  if (level !== undefined) record.level = level;
  if (typeof object.timestamp === 'string') record.timestamp = object.timestamp;
  applyErrorFields(record, object);
  if (findOutOfMemoryRuntime(text) !== null || findOutOfMemoryRuntime(`${record.errorType ?? ''} ${record.errorMessage ?? ''}`) !== null) record.outOfMemory = true;
  return record;
}

function runtimeOf(object: JsonObject, level: string | undefined): AppRuntime {
  if ('AWSRequestId' in object) return 'java';
  if ('log_level' in object || 'logger' in object || 'location' in object) return 'python';
  if (level !== undefined && dotnetLevels.has(level)) return 'dotnet';
  if ('requestId' in object || 'tenantId' in object) return 'node';
  return 'unknown';
}
