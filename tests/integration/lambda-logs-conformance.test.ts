/**
 * Conformance of lib/lambda-logs with every message of the real corpus (../shared/lambda-logs/real,
 * walked by tests/support/log-shapes/load-real-messages) and with every line the emulator writes.
 * What a line *is* comes from its visible text — the shape helpers' classifier and the regular
 * expressions below — never from the parser itself; each visible field must come out parsed.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord, type LogRecordKind, type ReportRecord } from '../../lib/lambda-logs';
import {
  describeExit,
  formatEnd,
  formatInitReport,
  formatInitStart,
  formatReport,
  formatRuntimeExit,
  formatStart,
  formatTaskTimedOut,
  type LogFormat,
  type ReportMetrics,
} from '../../lib/emulator/runtime/platform-lines';
import { classifyLine, type LineKind } from '../support/log-shapes/classify-line';
import { loadRealMessages, type RealMessage } from '../support/log-shapes/load-real-messages';

const corpus = loadRealMessages();
const counts = new Map<LogRecordKind, number>();

/** JSON platform types and the kind of their Text twin (FORMATS.md §4.1, §5); null: no twin, kept plain. */
const platformKinds: Record<string, LogRecordKind | null> = {
  'platform.start': 'start',
  'platform.end': 'end',
  'platform.runtimeDone': 'end',
  'platform.report': 'report',
  'platform.initStart': 'init-start',
  'platform.initReport': 'init-report',
  'platform.restoreStart': 'restore-start',
  'platform.restoreReport': 'restore-report',
  'platform.extension': 'extension',
  'platform.telemetrySubscription': 'subscription',
  'platform.logsSubscription': 'subscription',
  'platform.fault': 'runtime-exit',
  'platform.initRuntimeDone': null,
  'platform.restoreRuntimeDone': null,
  'platform.logsDropped': null,
};

const lineKinds: Partial<Record<LineKind, LogRecordKind>> = {
  INIT_START: 'init-start',
  INIT_REPORT: 'init-report',
  START: 'start',
  END: 'end',
  REPORT: 'report',
  RESTORE_START: 'restore-start',
  RESTORE_REPORT: 'restore-report',
  EXTENSION: 'extension',
  'task-timed-out': 'timeout',
  'runtime-exit': 'runtime-exit',
  'app-json': 'app',
  'node-app': 'app',
  'python-app': 'app',
  'python-error': 'app',
  // A lone pasted X-Ray line is half of a REPORT event; the union has no kind for it.
  XRAY: 'plain',
};

/** The language-level out-of-memory markers (FORMATS.md §1.9). */
const outOfMemoryMarker = /JavaScript heap out of memory|java\.lang\.OutOfMemoryError|fatal error: runtime: out of memory|NoMemoryError|OutOfMemoryException|MemoryError/;

/** The kind a message visibly is, or null when nothing about it is certain. */
function expectedKind(message: RealMessage): LogRecordKind | null {
  const text = message.text;
  if (outOfMemoryMarker.test(text) && !text.startsWith('{')) return 'app';
  if (/^(?:TELEMETRY|LOGS)\s+Name:/.test(text)) return 'subscription';
  if (/^EXTENSION\s+Name:/.test(text)) return 'extension';
  if (/^(?:RequestId: \S+ )?Process exited before completing request/.test(text)) return 'runtime-exit';
  const line = classifyLine(text);
  if (line === 'platform-json') {
    const type = String(message.json?.type);
    return type in platformKinds ? (platformKinds[type] ?? 'plain') : null;
  }
  return lineKinds[line] ?? null;
}

/** `Duration` must not be read inside `Billed Duration`, `Init Duration`, `Billed Restore Duration` (FORMATS.md §1.4). */
const number = (text: string, key: string): number | undefined => {
  const match = new RegExp(`(?:^|\\s)(?<!(?:Billed|Init|Restore) )${key}:\\s*([\\d.]+)\\s*(?:ms|MB)`).exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
const word = (text: string, key: string): string | undefined => new RegExp(`(?:^|\\s)${key}:[ \\t]*([^\\s\\]]+)`).exec(text)?.[1];

/** Every field the Text line visibly carries, as the record must hold it. */
function visibleTextFields(kind: LogRecordKind, text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined) fields[name] = value;
  };
  switch (kind) {
    case 'report':
      put('requestId', word(text, 'RequestId'));
      put('durationMs', number(text, 'Duration'));
      put('billedDurationMs', number(text, 'Billed Duration'));
      put('memorySizeMB', number(text, 'Memory Size'));
      put('maxMemoryUsedMB', number(text, 'Max Memory Used'));
      put('initDurationMs', number(text, 'Init Duration'));
      put('restoreDurationMs', number(text, 'Restore Duration'));
      put('billedRestoreDurationMs', number(text, 'Billed Restore Duration'));
      put('status', word(text, 'Status'));
      put('errorType', word(text, 'Error Type'));
      put('xrayTraceId', word(text, 'XRAY TraceId'));
      break;
    case 'start':
      put('requestId', word(text, 'RequestId'));
      put('version', word(text, 'Version'));
      break;
    case 'end':
      put('requestId', word(text, 'RequestId'));
      break;
    case 'init-start':
    case 'restore-start':
      put('runtimeVersion', word(text, 'Runtime Version'));
      put('runtimeVersionArn', word(text, 'Runtime Version ARN'));
      break;
    case 'init-report':
      put('durationMs', number(text, 'Init Duration'));
      put('phase', word(text, 'Phase'));
      put('status', word(text, 'Status'));
      break;
    case 'restore-report':
      put('durationMs', number(text, 'Restore Duration'));
      break;
    case 'extension':
      put('name', word(text, 'Name'));
      put('state', word(text, 'State'));
      break;
    case 'timeout': {
      const [, requestId, seconds] = /^\S+ (\S+) Task timed out after ([\d.]+) seconds/.exec(text) ?? [];
      put('requestId', requestId);
      put('timeoutSeconds', seconds === undefined ? undefined : Number(seconds));
      break;
    }
    case 'runtime-exit':
      put('requestId', /^RequestId: (\S+)/.exec(text)?.[1]);
      if (/signal: killed/.test(text)) put('outOfMemory', true);
      put('exitStatus', /exit status (\d+)/.exec(text)?.[1] === undefined ? undefined : Number(/exit status (\d+)/.exec(text)?.[1]));
      break;
    case 'app': {
      const node = /^[^\t\n]+\t([^\t\n]*)\t[A-Z]+\t/.exec(text);
      const python = /^\[[A-Z]+\]\t[^\t]*\t([^\t]*)\t/.exec(text);
      const id = node?.[1] ?? python?.[1];
      if (id !== undefined && id !== '' && id !== 'undefined') put('requestId', id);
      break;
    }
  }
  return fields;
}

/** The fields of a JSON platform record, as the record must hold them. */
function visibleJsonFields(kind: LogRecordKind, record: unknown): Record<string, unknown> {
  if (typeof record !== 'object' || record === null) return {};
  const body = record as Record<string, unknown>;
  const metrics = (typeof body.metrics === 'object' && body.metrics !== null ? body.metrics : {}) as Record<string, unknown>;
  switch (kind) {
    case 'report':
      return { requestId: body.requestId, ...metrics, ...(body.status === undefined ? {} : { status: body.status }) };
    case 'start':
    case 'end':
      return { requestId: body.requestId };
    case 'init-start':
      return Object.fromEntries(['initializationType', 'phase', 'runtimeVersion', 'runtimeVersionArn', 'functionName', 'functionVersion'].filter((key) => key in body).map((key) => [key, body[key]]));
    case 'init-report':
    case 'restore-report':
      return { ...(metrics.durationMs === undefined ? {} : { durationMs: metrics.durationMs }), ...(body.status === undefined ? {} : { status: body.status }) };
    case 'extension':
      return { name: body.name, state: body.state, events: body.events };
    case 'subscription':
      return { name: body.name, state: body.state, types: body.types };
    default:
      return {};
  }
}

describe('every message of the real corpus', () => {
  test.each(corpus.map((message, index) => [`${message.file} #${index} (${message.from})`, message] as const))('%s', (_name, message) => {
    let record: LogRecord | undefined;
    expect(() => (record = parseLogEvent({ message: message.text }))).not.toThrow();
    if (!record) throw new Error('no record');
    counts.set(record.kind, (counts.get(record.kind) ?? 0) + 1);

    const kind = expectedKind(message);
    if (kind !== null) expect(record.kind, message.text).toBe(kind);
    if (record.kind === 'plain') expect(record.message).toBe(message.text.replace(/\r?\n$/, ''));
    if (record.kind === 'app' && outOfMemoryMarker.test(message.text)) expect(record.outOfMemory, message.text).toBe(true);
    if (kind === null || kind === 'plain') return;
    const visible = message.json && classifyLine(message.text) === 'platform-json' ? visibleJsonFields(kind, message.json.record) : visibleTextFields(kind, message.text);
    expect(record, message.text).toMatchObject(visible);
  });

  test('the corpus holds every platform kind', () => {
    for (const kind of ['start', 'end', 'report', 'init-start', 'init-report', 'restore-start', 'restore-report', 'timeout', 'runtime-exit', 'extension', 'subscription', 'app'] as const) {
      expect(corpus.some((message) => parseLogEvent({ message: message.text }).kind === kind), kind).toBe(true);
    }
  });
});

afterAll(() => {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const rows = [...counts].sort(([, a], [, b]) => b - a).map(([kind, count]) => `  ${kind.padEnd(15)} ${count}`);
  console.log(`lambda-logs conformance: ${total} real messages\n${rows.join('\n')}`);
});

describe('every line the emulator writes parses back to what it wrote (lib/emulator/runtime/platform-lines.ts)', () => {
  const time = new Date('2026-01-02T03:04:05.678Z');
  const requestId = '0b7e2c1a-5d4f-4e3b-9a8c-7f6e5d4c3b2a';
  const reports: Array<[string, ReportMetrics]> = [
    ['warm success', { requestId, durationMs: 12.34, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 61, status: 'success' }],
    ['cold start', { requestId, durationMs: 1.5, billedDurationMs: 120, memorySizeMB: 1024, maxMemoryUsedMB: 70, initDurationMs: 118.27, status: 'success' }],
    ['function error', { requestId, durationMs: 3.21, billedDurationMs: 4, memorySizeMB: 256, maxMemoryUsedMB: 80, status: 'failure', errorType: 'Error' }],
    ['timeout', { requestId, durationMs: 3003.16, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 48, status: 'timeout' }],
    ['OOM', { requestId, durationMs: 800.01, billedDurationMs: 801, memorySizeMB: 128, maxMemoryUsedMB: 129, status: 'error', errorType: 'Runtime.OutOfMemory' }],
  ];
  const formats: LogFormat[] = ['Text', 'JSON'];

  test.each(formats.flatMap((format) => reports.map(([name, metrics]) => [format, name, metrics] as const)))('%s REPORT, %s', (format, _name, metrics) => {
    const record = parseLogEvent({ message: formatReport(format, time, metrics) });
    // Text writes Status only for error and timeout (FORMATS.md §1.4), with two decimals.
    const textStatus = metrics.status === 'error' || metrics.status === 'timeout';
    const expected: ReportRecord = {
      kind: 'report',
      format: format === 'JSON' ? 'json' : 'text',
      requestId,
      durationMs: format === 'JSON' ? metrics.durationMs : Number(metrics.durationMs.toFixed(2)),
      billedDurationMs: metrics.billedDurationMs,
      memorySizeMB: metrics.memorySizeMB,
      maxMemoryUsedMB: metrics.maxMemoryUsedMB,
      ...(metrics.initDurationMs === undefined ? {} : { initDurationMs: metrics.initDurationMs }),
      ...(format === 'JSON' || textStatus ? { status: metrics.status } : {}),
      ...(metrics.errorType !== undefined && (format === 'JSON' || textStatus) ? { errorType: metrics.errorType } : {}),
    };
    expect(record).toStrictEqual(expected);
  });

  test.each(formats)('%s INIT_START, START, END and INIT_REPORT', (format) => {
    const json = format === 'JSON';
    const init = { runtimeVersion: 'nodejs:20.v22', runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:0123', functionName: 'fn', functionVersion: '$LATEST', initializationType: 'on-demand' } as const;
    expect(parseLogEvent({ message: formatInitStart(format, time, init) })).toStrictEqual(
      json
        ? { kind: 'init-start', format: 'json', phase: 'init', ...init }
        : { kind: 'init-start', format: 'text', runtimeVersion: init.runtimeVersion, runtimeVersionArn: init.runtimeVersionArn },
    );
    expect(parseLogEvent({ message: formatStart(format, time, requestId, '7') })).toStrictEqual({ kind: 'start', requestId, version: '7', format: json ? 'json' : 'text' });
    const end = formatEnd(format, requestId);
    if (end !== null) expect(parseLogEvent({ message: end })).toStrictEqual({ kind: 'end', requestId });
    const initReport = { durationMs: 10000.5, phase: 'init', status: 'timeout', initializationType: 'on-demand' } as const;
    expect(parseLogEvent({ message: formatInitReport(format, time, initReport) })).toStrictEqual(
      json ? { kind: 'init-report', format: 'json', ...initReport } : { kind: 'init-report', format: 'text', durationMs: 10000.5, phase: 'init', status: 'timeout' },
    );
    expect(parseLogEvent({ message: formatInitReport(format, time, { ...initReport, phase: 'invoke', status: 'error', errorType: 'Runtime.ExitError' }) })).toMatchObject({
      kind: 'init-report',
      phase: 'invoke',
      status: 'error',
      errorType: 'Runtime.ExitError',
    });
  });

  test('the timeout line', () => {
    const line = formatTaskTimedOut('Text', time, requestId, 3);
    expect(line).not.toBeNull();
    expect(parseLogEvent({ message: line ?? '' })).toStrictEqual({ kind: 'timeout', requestId, timeoutSeconds: 3 });
  });

  test.each<[string, number | null, NodeJS.Signals | null, Partial<LogRecord>]>([
    ['SIGKILL (the OOM killer)', null, 'SIGKILL', { signal: 'killed', outOfMemory: true }],
    ['SIGSEGV', null, 'SIGSEGV', { signal: 'segmentation fault (core dumped)', outOfMemory: false }],
    ['exit status 1', 1, null, { exitStatus: 1, outOfMemory: false }],
    ['no reason', null, null, { reason: 'Runtime exited without providing a reason', outOfMemory: false }],
  ])('the runtime-exit line: %s', (_name, code, signal, expected) => {
    const line = formatRuntimeExit('Text', requestId, describeExit(code, signal));
    expect(parseLogEvent({ message: line ?? '' })).toMatchObject({ kind: 'runtime-exit', requestId, errorType: 'Runtime.ExitError', ...expected });
  });
});
