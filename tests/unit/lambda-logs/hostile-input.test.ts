/**
 * What the ingest fuzz test (tests/integration/ingest-fuzz.test.ts) found: inputs on which the
 * parser threw, or returned values the store cannot hold, so that one line failed its whole log
 * group on every poll. Each is pinned here with its boundary.
 */
import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const envelope = (type: string, record: string) => `{"time":"2026-11-22T10:00:00.000Z","type":"${type}","record":${record}}`;
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const report = (fields: string) => `REPORT RequestId: r-1\t${fields}\t\n`;

describe('JSON nested deeper than JSON.stringify can write back is kept as plain text, never thrown', () => {
  test.each<[string, string]>([
    ['a Telemetry function record that is an object', envelope('function', deepObject(20_000))],
    ['a Telemetry function record holding a deep array', envelope('function', `{"deep":${deepArray(20_000)}}`)],
    ['a JSON app record whose message is an object', `{"timestamp":"t","level":"INFO","message":${deepObject(20_000)}}`],
    ['a function record holding an app record', envelope('function', `{"level":"INFO","message":${deepArray(20_000)}}`)],
  ])('%s', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });

  test('a shallow object message is still written back as JSON', () => {
    expect(parseLogEvent({ message: `{"timestamp":"t","level":"INFO","message":${deepObject(3)}}` })).toMatchObject({ kind: 'app', message: deepObject(3) });
  });
});

describe('JSON escapes never decode to NUL or a lone surrogate (PostgreSQL text holds neither)', () => {
  test.each<[string, string, Partial<LogRecord>]>([
    ['a NUL request id', envelope('platform.start', '{"requestId":"\\u0000"}'), { kind: 'start', requestId: '\ufffd' }],
    ['a lone high surrogate', envelope('platform.report', '{"requestId":"a\\ud800b","metrics":{"durationMs":1}}'), { kind: 'report', requestId: 'a\ufffdb' }],
    ['a lone low surrogate', envelope('platform.end', '{"requestId":"\\udfffx"}'), { kind: 'end', requestId: '\ufffdx' }],
    ['a surrogate pair, kept', envelope('platform.start', '{"requestId":"\\ud83d\\ude00"}'), { kind: 'start', requestId: '😀' }],
    ['upper-case hex', envelope('platform.start', '{"requestId":"\\uD800\\u0000"}'), { kind: 'start', requestId: '\ufffd\ufffd' }],
    [
      'error fields of a Python JSON record',
      '{"timestamp":"t","log_level":"ERROR","errorType":"KeyError","errorMessage":"a\\u0000b","stackTrace":["\\udc00 at x"],"requestId":"r-1"}',
      { kind: 'app', errorType: 'KeyError', errorMessage: 'a\ufffdb', stackTrace: ['\ufffd at x'], requestId: 'r-1' },
    ],
    [
      "a Node Invoke Error's payload",
      '2026-11-22T10:00:00.000Z\tr-1\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"\\u0000","stack":["\\ud800"]}',
      { kind: 'app', requestId: 'r-1', errorMessage: '\ufffd', stackTrace: ['\ufffd'] },
    ],
    ['an escaped backslash before u0000 is text, not an escape', envelope('platform.start', '{"requestId":"\\\\u0000"}'), { kind: 'start', requestId: '\\u0000' }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toMatchObject(expected);
  });

  test('a risky escape in JSON nested 200,000 deep is plain text, not a throw', () => {
    const message = envelope('function', `{"a":"\\u0000","b":${deepArray(200_000)}}`);
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });
});

describe('a metric that cannot be a measurement is left out (negative, not finite, past 2^31 − 1)', () => {
  test.each<[string, string, Record<string, number | undefined>]>([
    ['negative duration', report('Duration: -5.00 ms\tBilled Duration: 5 ms'), { durationMs: undefined, billedDurationMs: 5 }],
    ['negative zero is zero', report('Duration: -0 ms'), { durationMs: -0 }],
    ['the largest 32-bit integer is kept', report('Duration: 2147483647 ms\tMemory Size: 2147483647 MB'), { durationMs: 2_147_483_647, memorySizeMB: 2_147_483_647 }],
    ['one more is not', report('Duration: 2147483648 ms\tMax Memory Used: 2147483648 MB'), { durationMs: undefined, maxMemoryUsedMB: undefined }],
    ['an exponent far too large', report('Init Duration: 1e300 ms\tBilled Duration: 99999999999999999999 ms'), { initDurationMs: undefined, billedDurationMs: undefined }],
  ])('Text REPORT: %s', (_name, message, expected) => {
    const record = parseLogEvent({ message });
    expect(record).toMatchObject({ kind: 'report', requestId: 'r-1' });
    for (const [key, value] of Object.entries(expected)) expect((record as Record<string, unknown>)[key], key).toBe(value);
  });

  test('JSON platform.report: the same bounds', () => {
    const record = parseLogEvent({
      message: envelope('platform.report', '{"requestId":"r-1","metrics":{"durationMs":-1,"billedDurationMs":2147483648,"memorySizeMB":128,"maxMemoryUsedMB":1e300,"initDurationMs":0,"restoreDurationMs":2147483647.5}}'),
    });
    expect(record).toStrictEqual({ kind: 'report', format: 'json', requestId: 'r-1', memorySizeMB: 128, initDurationMs: 0 });
  });

  test.each<[string, string]>([
    ['Text INIT_REPORT', 'INIT_REPORT Init Duration: -3.00 ms\tPhase: init\tStatus: error\t\n'],
    ['JSON platform.initReport', envelope('platform.initReport', '{"phase":"init","status":"error","metrics":{"durationMs":1e20}}')],
  ])('%s: no duration', (_name, message) => {
    const record = parseLogEvent({ message });
    expect(record).toMatchObject({ kind: 'init-report', status: 'error' });
    expect(record).not.toHaveProperty('durationMs');
  });
});

describe('a request id longer than 256 characters is not one', () => {
  /** An id of `length` characters in the shape every line accepts (the timeout line wants a dash). */
  const idOf = (length: number) => `${'a'.repeat(length - 2)}-x`;

  test.each<[string, (id: string) => string, LogRecord['kind']]>([
    ['START', (id) => `START RequestId: ${id} Version: $LATEST\n`, 'start'],
    ['END', (id) => `END RequestId: ${id}\n`, 'end'],
    ['REPORT', (id) => `REPORT RequestId: ${id}\tDuration: 1.00 ms\t\n`, 'report'],
    ['platform.start', (id) => envelope('platform.start', `{"requestId":"${id}"}`), 'start'],
    ['platform.report', (id) => envelope('platform.report', `{"requestId":"${id}","metrics":{"durationMs":1}}`), 'report'],
    ['the timeout line', (id) => `2026-11-22T10:00:00.000Z ${id} Task timed out after 3.00 seconds\n`, 'timeout'],
  ])('%s: 256 characters are read, 257 make the line plain text', (_name, line, kind) => {
    expect(parseLogEvent({ message: line(idOf(256)) })).toMatchObject({ kind, requestId: idOf(256) });
    expect(parseLogEvent({ message: line(idOf(257)) }).kind).toBe('plain');
  });

  test.each<[string, (id: string) => string, LogRecord['kind']]>([
    ['a Node line', (id) => `2026-11-22T10:00:00.000Z\t${id}\tINFO\thello\n`, 'app'],
    ['a Python logging line', (id) => `[INFO]\t2026-11-22T10:00:00.000Z\t${id}\thello\n`, 'app'],
    // Ruby's pattern wants a dash after 8 characters: the same length, in that shape.
    ['a Ruby Logger line', (id) => `I, [2026-03-10T22:30:46.745494 #16]  INFO ${id.slice(0, 8)}-${id.slice(9)} -- : hello`, 'app'],
    ['a runtime exit', (id) => `RequestId: ${id} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`, 'runtime-exit'],
    ['a JSON app record', (id) => `{"timestamp":"t","level":"INFO","requestId":"${id}","message":"hello"}`, 'app'],
  ])('%s keeps its kind, without the overlong id', (_name, line, kind) => {
    expect(parseLogEvent({ message: line(idOf(256)) })).toMatchObject({ kind, requestId: expect.stringMatching(/^a{8}.{248}$/) as string });
    const record = parseLogEvent({ message: line(idOf(257)) });
    expect(record.kind).toBe(kind);
    expect(record).not.toHaveProperty('requestId');
  });
});
