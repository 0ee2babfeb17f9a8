import type { LogRecord } from './log-record';
import { parseJsonAppRecord } from './parse-json-app-record';
import { isJsonObject, parseJsonObject } from './parse-json-object';
import { parsePlatformRecord } from './parse-platform-record';
import { toJsonText } from './to-json-text';

/**
 * A message that is one JSON object (FORMATS.md §0.5): a `platform.*` system record, a Telemetry API
 * `function` record, or an application record (`timestamp` + `level`/`log_level`). Null for any
 * other JSON — libraries print their own JSON in Text mode too (Datadog metrics, EMF) — and for text
 * that does not parse. `parseInner` reads a `function` record's text as a message of its own.
 */
export function parseJsonEvent(text: string, parseInner: (message: string) => LogRecord): LogRecord | null {
  // Library JSON (metrics, traces, access logs) names none of these keys: skip parsing it at all.
  if (!text.includes('"platform.') && !text.includes('"level"') && !text.includes('"log_level"') && !text.includes('"function"')) return null;
  const object = parseJsonObject(text);
  if (!object) return null;
  const type = object.type;
  if (typeof type === 'string' && 'record' in object) {
    if (type.startsWith('platform.')) return parsePlatformRecord(type, object.record);
    if (type === 'function') return parseFunctionRecord(object.record, object.time, parseInner);
    return null;
  }
  if ('timestamp' in object && ('level' in object || 'log_level' in object)) return parseJsonAppRecord(object);
  return null;
}

/** A Telemetry API `function` record holds the function's output: a text line, or an object in JSON mode (§5). */
function parseFunctionRecord(body: unknown, time: unknown, parseInner: (message: string) => LogRecord): LogRecord | null {
  if (isJsonObject(body)) {
    if ('level' in body || 'log_level' in body) return parseJsonAppRecord(body);
    const message = toJsonText(body);
    if (message === null) return null;
    return { kind: 'app', runtime: 'unknown', format: 'json', message, ...(typeof time === 'string' ? { timestamp: time } : {}) };
  }
  if (typeof body !== 'string') return null;
  const inner = parseInner(body.endsWith('\n') ? body.slice(0, -1) : body);
  if (inner.kind === 'app' && inner.timestamp === undefined && typeof time === 'string') return { ...inner, timestamp: time };
  if (inner.kind !== 'plain') return inner;
  return { kind: 'app', runtime: 'unknown', format: 'text', message: inner.message, ...(typeof time === 'string' ? { timestamp: time } : {}) };
}
