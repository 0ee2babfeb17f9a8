/**
 * Parsing is total (ARCHITECTURE.md invariants): whatever the input, parseLogEvent returns one
 * record, never throws, and what it does not understand comes back as `plain` with the message
 * whole (minus the one trailing line end every event is stripped of). Inputs are generated from a
 * fixed seed, so a failure reproduces.
 */
import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const kinds = new Set(['start', 'end', 'report', 'init-start', 'init-report', 'restore-start', 'restore-report', 'timeout', 'runtime-exit', 'extension', 'subscription', 'app', 'plain']);

/** mulberry32: a tiny seeded generator, so the "random" inputs are the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tokens = [
  'START ', 'END ', 'REPORT ', 'INIT_START ', 'INIT_REPORT ', 'RESTORE_START ', 'RESTORE_REPORT ', 'EXTENSION', 'TELEMETRY', 'LOGS', 'XRAY ',
  'RequestId: ', 'Duration: ', 'Billed Duration: ', 'Init Duration: ', 'Max Memory Used: ', 'Memory Size: ', 'Status: ', 'Error Type: ', 'Events: [', ']',
  'Version: ', '$LATEST', ' ms', ' MB', '\t', ' ', '  ', '\n', '\r', '\r\n', ':', '{', '}', '[', '"', '"type":"platform.report"', '"record":', '"level":', '"log_level":',
  '"timestamp":', '"metrics":{', 'null', '1.5', '-3', 'NaN', '1e999', '2024-01-01T00:00:00.000Z', 'undefined', 'f08bb4c8-d6b2-4f05-ac17-af7e2ba005fb',
  'Task timed out after ', ' seconds', 'Error: Runtime exited with error: ', 'signal: killed', 'Runtime.ExitError', '[ERROR] ', '[INFO]', 'Traceback (most recent call last):',
  '\u00a0', 'Invoke Error \t', 'INFO\t', 'JavaScript heap out of memory', 'MemoryError', '2020/03/27 03:40:05 ', 'I, [', ' #1] ', '\u0000', '\ufffd', '\ud800', '😀',
];

function randomMessage(random: () => number): string {
  let message = '';
  const parts = Math.floor(random() * 24);
  for (let index = 0; index < parts; index += 1) {
    message += random() < 0.7 ? (tokens[Math.floor(random() * tokens.length)] ?? '') : String.fromCharCode(Math.floor(random() * 0x3000));
  }
  return message;
}

function expectTotal(message: string): LogRecord {
  let record: LogRecord | undefined;
  expect(() => {
    record = parseLogEvent({ message, timestamp: 0 });
  }).not.toThrow();
  if (!record) throw new Error('no record');
  expect(kinds).toContain(record.kind);
  // Serialisable without loss: no NaN/Infinity (they become null) and no present-but-undefined keys.
  expect(JSON.parse(JSON.stringify(record))).toStrictEqual(record);
  if (record.kind === 'plain') expect(record.message).toBe(message.replace(/\r?\n$/, ''));
  return record;
}

const fullReport =
  'REPORT RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 190.62 ms\tStatus: error\tError Type: Runtime.OutOfMemory\t\nXRAY TraceId: 1-636d1462-33ef10600061cad86dab71c8\tSegmentId: 7ccb4860675ee485\tSampled: true\t\n';
const fullJsonReport =
  '{"time":"2022-10-21T14:05:05.766Z","type":"platform.report","record":{"requestId":"459921b5-681c-4a96-beb0-81e0aa586026","metrics":{"durationMs":2599.4,"billedDurationMs":2600,"memorySizeMB":128,"maxMemoryUsedMB":94,"initDurationMs":549.04},"status":"success"}}';
const fullNodeError = '2020-03-05T16:30:36.113Z\tf08bb4c8-d6b2-4f05-ac17-af7e2ba005fb\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"Hello","stack":["Error: Hello","    at x"]}\n';
const fullPythonError = "[ERROR] KeyError: 'Details'\rTraceback (most recent call last):\r\u00a0\u00a0File \"/var/task/index.py\", line 6, in h\r\u00a0\u00a0\u00a0\u00a0x = 1\n";

describe('parseLogEvent is total', () => {
  test('5,000 random messages built from grammar fragments and arbitrary characters', () => {
    const random = generator(20_251_122);
    for (let index = 0; index < 5_000; index += 1) expectTotal(randomMessage(random));
  });

  test.each<[string, string]>([
    ['a REPORT with X-Ray', fullReport],
    ['a JSON platform.report', fullJsonReport],
    ['a Node Invoke Error', fullNodeError],
    ['a Python traceback', fullPythonError],
  ])('every truncation of %s', (_name, full) => {
    for (let length = 0; length <= full.length; length += 1) expectTotal(full.slice(0, length));
  });

  test('a truncated REPORT keeps the fields it fully shows', () => {
    const cut = fullReport.slice(0, fullReport.indexOf('Memory Size'));
    expect(parseLogEvent({ message: cut })).toStrictEqual({ kind: 'report', format: 'text', requestId: '06e46194-f277-454e-88d3-1dd7e3860eaa', durationMs: 9.14, billedDurationMs: 10 });
  });

  test.each<[string, string]>([
    ['REPORT', 'REPORT RequestId: x\tDuration: '],
    ['START', 'START RequestId: '],
    ['JSON', '{"time":"t","type":"platform.report","record":{"requestId":"x","metrics":{"durationMs":1},"pad":"'],
    ['Node', '2024-01-01T00:00:00.000Z\tid-1234-5678\tINFO\t'],
    ['Node error', '2024-01-01T00:00:00.000Z\tid-1234-5678\tERROR\tInvoke Error \t{"stack":["'],
    ['Python', '[ERROR] Boom: '],
    ['timeout', '2024-01-01T00:00:00.000Z id-1234-5678 Task timed out after '],
    ['EXTENSION', 'EXTENSION\tName: x\tEvents: ['],
    ['plain', 'no structure at all '],
  ])('a 256 KB %s message', (_name, start) => {
    const message = start + 'a\tb c:d [e] 1.5 ms\r'.repeat(Math.ceil((256 * 1024) / 18)).slice(0, 256 * 1024);
    const record = expectTotal(message);
    if (record.kind === 'app') expect(record.message.length).toBeGreaterThan(200_000);
  });

  test('a 256 KB message with no separator at all', () => {
    expectTotal('x'.repeat(256 * 1024));
    expectTotal('{'.repeat(256 * 1024));
    expectTotal('['.repeat(256 * 1024));
    expectTotal('1'.repeat(256 * 1024));
  });

  test.each<[string, number[]]>([
    ['lone continuation bytes', [0x80, 0x81, 0xbf]],
    ['a cut multi-byte character', [0x52, 0x45, 0x50, 0x4f, 0x52, 0x54, 0x20, 0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf, 0x0a]],
    ['0xFF and 0xFE', [0xff, 0xfe, 0x7b, 0x7d]],
    ['a surrogate encoded as UTF-8', [0xed, 0xa0, 0x80, 0x09, 0x49, 0x4e, 0x46, 0x4f, 0x09]],
  ])('invalid UTF-8 decoded as text: %s', (_name, bytes) => {
    expectTotal(Buffer.from(bytes).toString('utf8'));
    expectTotal(`START RequestId: ${Buffer.from(bytes).toString('utf8')} Version: 1`);
  });

  test.each<[string, string]>([
    ['record is null', '{"time":"t","type":"platform.report","record":null}'],
    ['record is an array', '{"time":"t","type":"platform.report","record":[1,2]}'],
    ['record is a string', '{"time":"t","type":"platform.report","record":"REPORT RequestId: x"}'],
    ['no record key', '{"time":"t","type":"platform.report"}'],
    ['requestId is a number', '{"time":"t","type":"platform.report","record":{"requestId":7,"metrics":{"durationMs":1}}}'],
    ['metrics is a string', '{"time":"t","type":"platform.report","record":{"requestId":"x","metrics":"fast"}}'],
    ['metric values are strings', '{"time":"t","type":"platform.report","record":{"requestId":"x","metrics":{"durationMs":"1.5","memorySizeMB":"128"}}}'],
    ['an unknown status', '{"time":"t","type":"platform.report","record":{"requestId":"x","status":"exploded"}}'],
    ['type is not a string', '{"time":"t","type":["platform.report"],"record":{"requestId":"x"}}'],
    ['trailing comma (docs) [S3]', '{"time":"t","type":"platform.report","record":{"requestId":"x",}}'],
    ['nested 10,000 deep', `{"type":"platform.report","record":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
    ['a huge exponent', '{"time":"t","type":"platform.report","record":{"requestId":"x","metrics":{"durationMs":1e999}}}'],
    ['platform.start with tracing of the wrong type', '{"time":"t","type":"platform.start","record":{"requestId":"x","tracing":"Root=1"}}'],
    ['platform.extension without a name', '{"time":"t","type":"platform.extension","record":{"state":"Ready","events":"INVOKE"}}'],
    ['platform.fault with an object', '{"time":"t","type":"platform.fault","record":{"message":"x"}}'],
    ['function record that is a number', '{"time":"t","type":"function","record":42}'],
    ['app record whose level is an object', '{"timestamp":"t","level":{"name":"INFO"},"message":null}'],
  ])('near-miss JSON: %s', (_name, message) => {
    expectTotal(message);
  });

  test('a near-miss report never yields NaN or a wrong-typed field', () => {
    const record = parseLogEvent({ message: '{"time":"t","type":"platform.report","record":{"requestId":"x","metrics":{"durationMs":"1.5","memorySizeMB":null,"maxMemoryUsedMB":1e999}}}' });
    expect(record).toStrictEqual({ kind: 'report', format: 'json', requestId: 'x' });
  });

  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('a message that is %s (untyped callers) is plain text', (_name, message) => {
    expect(parseLogEvent({ message } as { message: string })).toStrictEqual({ kind: 'plain', message: message === undefined || message === null ? '' : String(message) });
  });

  test.each<[string, string, string]>([
    ['one trailing \\n is stripped', 'hello\n', 'hello'],
    ['only one', 'hello\n\n', 'hello\n'],
    ['\\r\\n counts as one line end', 'hello\r\n', 'hello'],
    ['trailing tabs are kept', 'hello\t\n', 'hello\t'],
    ['the empty message', '', ''],
  ])('plain: %s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message: expected });
  });
});
