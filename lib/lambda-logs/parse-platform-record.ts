import { dropUndefined } from './drop-undefined';
import { isMeasurement } from './is-measurement';
import type { LogRecord, Phase, ReportRecord, ReportStatus } from './log-record';
import { isJsonObject, type JsonObject } from './parse-json-object';
import { parseRuntimeExit } from './parse-runtime-exit';
import { MAX_REQUEST_ID_LENGTH } from './read-request-id';

const statuses: ReadonlySet<unknown> = new Set<ReportStatus>(['success', 'failure', 'error', 'timeout']);

/**
 * A JSON-format system record `{time, type: "platform.*", record}` (FORMATS.md §4.1, and the
 * Telemetry/Logs API types of §5) as the record kind of its Text twin. Null for types without one
 * (`platform.logsDropped`, `platform.initRuntimeDone`, …) and for records missing what the kind
 * needs (a start without request id): the caller keeps those as plain text.
 */
export function parsePlatformRecord(type: string, body: unknown): LogRecord | null {
  if (type === 'platform.fault') return typeof body === 'string' ? parseRuntimeExit(body) : null;
  if (!isJsonObject(body)) return null;
  switch (type) {
    case 'platform.start': {
      const requestId = requestIdOf(body.requestId);
      if (requestId === undefined) return null;
      return dropUndefined({ kind: 'start', requestId, version: text(body.version), format: 'json', xrayTraceId: traceRoot(body.tracing) });
    }
    // runtimeDone: the runtime finished the invocation, which is what END says; its status is repeated on platform.report.
    case 'platform.end':
    case 'platform.runtimeDone': {
      const requestId = requestIdOf(body.requestId);
      return requestId === undefined ? null : { kind: 'end', requestId };
    }
    case 'platform.report':
      return parseReport(body);
    case 'platform.initStart':
      return dropUndefined({
        kind: 'init-start',
        format: 'json',
        runtimeVersion: text(body.runtimeVersion),
        runtimeVersionArn: text(body.runtimeVersionArn),
        initializationType: text(body.initializationType),
        phase: phase(body.phase),
        functionName: text(body.functionName),
        functionVersion: text(body.functionVersion),
      });
    case 'platform.initReport':
      return dropUndefined({
        kind: 'init-report',
        format: 'json',
        durationMs: metric(body.metrics, 'durationMs'),
        phase: phase(body.phase),
        status: text(body.status),
        errorType: text(body.errorType),
        initializationType: text(body.initializationType),
      });
    case 'platform.restoreStart':
      return dropUndefined({ kind: 'restore-start', runtimeVersion: text(body.runtimeVersion), runtimeVersionArn: text(body.runtimeVersionArn) });
    case 'platform.restoreReport':
      return dropUndefined({ kind: 'restore-report', durationMs: metric(body.metrics, 'durationMs'), status: text(body.status), errorType: text(body.errorType) });
    case 'platform.extension': {
      const name = text(body.name);
      if (name === undefined) return null;
      return dropUndefined({ kind: 'extension', name, state: text(body.state) ?? '', events: list(body.events), errorType: text(body.errorType) });
    }
    case 'platform.logsSubscription':
    case 'platform.telemetrySubscription': {
      const name = text(body.name);
      if (name === undefined) return null;
      const api = type === 'platform.logsSubscription' ? 'logs' : 'telemetry';
      return { kind: 'subscription', api, name, state: text(body.state) ?? '', types: list(body.types) };
    }
    default:
      return null;
  }
}

/** Metrics are numbers, sometimes floats for the "integer" ones; Managed Instances send only durationMs (§4.1). */
function parseReport(body: JsonObject): ReportRecord | null {
  const requestId = requestIdOf(body.requestId);
  if (requestId === undefined) return null;
  const record: ReportRecord = { kind: 'report', format: 'json', requestId };
  const metrics = isJsonObject(body.metrics) ? body.metrics : {};
  assign(record, 'durationMs', metrics.durationMs);
  assign(record, 'billedDurationMs', metrics.billedDurationMs);
  assign(record, 'memorySizeMB', metrics.memorySizeMB);
  assign(record, 'maxMemoryUsedMB', metrics.maxMemoryUsedMB);
  assign(record, 'initDurationMs', metrics.initDurationMs);
  assign(record, 'restoreDurationMs', metrics.restoreDurationMs);
  assign(record, 'billedRestoreDurationMs', metrics.billedRestoreDurationMs);
  if (statuses.has(body.status)) record.status = body.status as ReportStatus;
  const errorType = text(body.errorType);
  if (errorType !== undefined) record.errorType = errorType;
  if (isJsonObject(body.tracing)) {
    const root = traceRoot(body.tracing);
    if (root !== undefined) record.xrayTraceId = root;
    const spanId = text(body.tracing.spanId);
    if (spanId !== undefined) record.xraySegmentId = spanId;
    const sampled = traceField(body.tracing, 'Sampled');
    if (sampled === '1' || sampled === '0') record.xraySampled = sampled === '1';
  }
  return record;
}

type MetricKey = 'durationMs' | 'billedDurationMs' | 'memorySizeMB' | 'maxMemoryUsedMB' | 'initDurationMs' | 'restoreDurationMs' | 'billedRestoreDurationMs';

function assign(record: ReportRecord, key: MetricKey, value: unknown): void {
  if (typeof value === 'number' && isMeasurement(value)) record[key] = value;
}

function metric(metrics: unknown, key: string): number | undefined {
  const value = isJsonObject(metrics) ? metrics[key] : undefined;
  return typeof value === 'number' && isMeasurement(value) ? value : undefined;
}

function requestIdOf(value: unknown): string | undefined {
  const id = text(value);
  return id !== undefined && id.length <= MAX_REQUEST_ID_LENGTH ? id : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function phase(value: unknown): Phase | undefined {
  return value === 'init' || value === 'invoke' ? value : undefined;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `tracing.value` is the X-Amzn-Trace-Id header, `Root=1-…;Parent=…;Sampled=1`: its Root is the trace id of Text's XRAY line. */
function traceRoot(tracing: unknown): string | undefined {
  return isJsonObject(tracing) ? traceField(tracing, 'Root') : undefined;
}

function traceField(tracing: JsonObject, name: string): string | undefined {
  const header = text(tracing.value);
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim() || undefined;
  }
  return undefined;
}
