import { describe, expect, test } from 'vitest';
import type { LogRecord } from '../../../lib/lambda-logs/log-record';
import type { AttemptFragment, IngestEvent } from '../../../lib/ingest/attempt-fragment';
import { assembleAttempts } from '../../../lib/ingest/assemble-attempts';
import { mergeAttemptStatus } from '../../../lib/ingest/classify-attempt';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** Events of one stream, one millisecond apart, from records. */
function stream(records: LogRecord[], options: { name?: string; from?: number } = {}): IngestEvent[] {
  return records.map((record, index) => ({
    eventId: `${options.name ?? 's1'}-${index}`,
    timestamp: (options.from ?? 1_000) + index,
    logStreamName: options.name ?? '2026/11/22/[$LATEST]00000000000000000000000000000001',
    record,
  }));
}

const initStart = (initializationType?: string): LogRecord => ({ kind: 'init-start', format: 'text', ...(initializationType ? { initializationType } : {}) });
const start = (requestId: string, version = '$LATEST'): LogRecord => ({ kind: 'start', requestId, version, format: 'text' });
const end = (requestId: string): LogRecord => ({ kind: 'end', requestId });
const report = (requestId: string, extra: Partial<Extract<LogRecord, { kind: 'report' }>> = {}): LogRecord => ({
  kind: 'report',
  format: 'text',
  requestId,
  durationMs: 12.5,
  billedDurationMs: 13,
  memorySizeMB: 128,
  maxMemoryUsedMB: 60,
  ...extra,
});
const info = (requestId: string, message = 'hello'): LogRecord => ({ kind: 'app', runtime: 'node', format: 'text', requestId, level: 'INFO', message });

describe('an attempt is START…REPORT of one request id in one stream', () => {
  const cases: Array<[string, LogRecord[], Partial<AttemptFragment>]> = [
    ['a warm success', [start(A), info(A), end(A), report(A)], { status: 'success', durationMs: 12.5 }],
    [
      'a cold start: INIT_START before, Init Duration on the REPORT',
      [initStart(), start(A), end(A), report(A, { initDurationMs: 150.2 })],
      { status: 'success', coldStart: true, initType: 'on-demand', initDurationMs: 150.2 },
    ],
    [
      'a provisioned-concurrency start: INIT_START says so, no Init Duration',
      [initStart('provisioned-concurrency'), start(A), end(A), report(A)],
      { coldStart: true, initType: 'provisioned-concurrency' },
    ],
    [
      'the function’s own error (Node Invoke Error)',
      [start(A), { kind: 'app', runtime: 'node', format: 'text', requestId: A, level: 'ERROR', message: 'Invoke Error', errorType: 'TypeError', errorMessage: 'bad', stackTrace: ['TypeError: bad', '    at x'] }, end(A), report(A)],
      { status: 'error', errorType: 'TypeError', errorMessage: 'bad', errorStack: 'TypeError: bad\n    at x' },
    ],
    [
      'a JSON-format failure report',
      [start(A), report(A, { format: 'json', status: 'failure' })],
      { status: 'error' },
    ],
    [
      'a timeout: Status on the REPORT, the timeout line after it',
      [start(A), end(A), report(A, { status: 'timeout', durationMs: 3000 }), { kind: 'timeout', requestId: A, timeoutSeconds: 3 }],
      { status: 'timeout', errorType: 'Sandbox.Timedout' },
    ],
    [
      'a timeout shown only by the timeout line (2020 REPORTs have no Status)',
      [start(A), end(A), report(A), { kind: 'timeout', requestId: A, timeoutSeconds: 3 }],
      { status: 'timeout' },
    ],
    [
      'an out-of-memory kill',
      [start(A), { kind: 'runtime-exit', requestId: A, reason: 'signal: killed', errorType: 'Runtime.ExitError', signal: 'killed', outOfMemory: true }, end(A), report(A, { status: 'error', errorType: 'Runtime.OutOfMemory', maxMemoryUsedMB: 129 })],
      { status: 'out_of_memory', errorType: 'Runtime.OutOfMemory' },
    ],
    [
      'an out-of-memory kill in an old REPORT without Status: peak at the limit and an exit',
      [start(A), { kind: 'runtime-exit', requestId: A, reason: 'exit status 137', errorType: 'Runtime.ExitError', exitStatus: 137, outOfMemory: false }, report(A, { maxMemoryUsedMB: 128 })],
      { status: 'out_of_memory' },
    ],
    [
      'a crash: the runtime exited, no REPORT yet',
      [start(A), { kind: 'runtime-exit', requestId: A, reason: 'exit status 3', errorType: 'Runtime.ExitError', exitStatus: 3, outOfMemory: false }],
      { status: 'crashed', errorType: 'Runtime.ExitError' },
    ],
    [
      'an init error: INIT_REPORT with an error before the START',
      [initStart(), { kind: 'init-report', format: 'text', durationMs: 40, phase: 'init', status: 'error', errorType: 'Runtime.ImportModuleError' }, start(A), end(A), report(A, { status: 'error', errorType: 'Runtime.ImportModuleError' })],
      { status: 'init_error', errorType: 'Runtime.ImportModuleError', coldStart: true },
    ],
    [
      'a Python [ERROR] line without request id belongs to the running attempt',
      [start(A), { kind: 'app', runtime: 'python', format: 'text', level: 'ERROR', message: '[ERROR] ValueError: bad id', errorType: 'ValueError', errorMessage: 'bad id' }, end(A), report(A)],
      { status: 'error', errorType: 'ValueError' },
    ],
    [
      'a language-level out-of-memory marker',
      [start(A), { kind: 'app', runtime: 'node', format: 'text', message: 'FATAL ERROR: JavaScript heap out of memory', outOfMemory: true }, report(A, { status: 'error', errorType: 'Runtime.ExitError' })],
      { status: 'out_of_memory' },
    ],
    [
      'still running: START seen, nothing else yet',
      [start(A), info(A)],
      { status: 'running' },
    ],
  ];
  test.each(cases)('%s', (_case, records, expected) => {
    const fragments = assembleAttempts(stream(records));
    expect(fragments).toHaveLength(1);
    const startedAt = 1_000 + records.findIndex((record) => record.kind === 'start');
    expect(fragments[0]).toMatchObject({ requestId: A, startedAt, ...expected });
  });

  test('a warm environment runs requests one after another: one attempt each, only the first cold', () => {
    const fragments = assembleAttempts(stream([initStart(), start(A), end(A), report(A, { initDurationMs: 90 }), start(B), end(B), report(B)]));
    expect(fragments.map((fragment) => [fragment.requestId, fragment.coldStart ?? false])).toEqual([
      [A, true],
      [B, false],
    ]);
  });

  test('an async retry in the same warm stream is a second attempt of the same request id', () => {
    const fragments = assembleAttempts(stream([start(A), report(A, { status: 'error', errorType: 'Runtime.ExitError' }), start(A), report(A)]));
    expect(fragments.map((fragment) => [fragment.requestId, fragment.startedAt, fragment.status])).toEqual([
      [A, 1_000, 'error'],
      [A, 1_002, 'success'],
    ]);
  });

  test('streams are independent, and events are ordered by timestamp within each', () => {
    const first = stream([start(A), report(A)], { name: 'one', from: 10 });
    const second = stream([initStart(), start(B), report(B, { initDurationMs: 80 })], { name: 'two', from: 5 });
    const fragments = assembleAttempts([...first, ...second].reverse());
    expect(fragments.map((fragment) => [fragment.logStreamName, fragment.requestId, fragment.status])).toEqual([
      ['two', B, 'success'],
      ['one', A, 'success'],
    ]);
  });

  test('a REPORT whose START came in an earlier batch continues that attempt (no startedAt)', () => {
    const [fragment] = assembleAttempts(stream([info(A), end(A), report(A, { durationMs: 40 })]));
    expect(fragment).toMatchObject({ requestId: A, status: 'success', durationMs: 40 });
    expect(fragment?.startedAt).toBeUndefined();
  });
});

describe('merging an attempt’s status across batches', () => {
  test.each([
    ['running', 'success', 'success'],
    ['error', 'success', 'error'],
    ['success', 'timeout', 'timeout'],
    ['crashed', 'out_of_memory', 'out_of_memory'],
    ['out_of_memory', 'crashed', 'out_of_memory'],
    ['timeout', 'running', 'timeout'],
  ] as const)('%s then %s is %s', (stored, update, merged) => {
    expect(mergeAttemptStatus(stored, update)).toBe(merged);
  });
});
