/**
 * A seeded fuzz corpus of CloudWatch Logs event messages for ingestion (issue #3, "Bad input"):
 * random bytes and UTF-16 units, real Lambda lines cut at every position, REPORT lines with
 * garbage numbers, near-miss `platform.*` JSON, odd and overlong request ids, messages at the
 * 256 KB event limit, and valid START…REPORT sequences whose attempts are known in advance.
 * Pure: the same seed and real messages give the same corpus, so a failure reproduces.
 */

/** CloudWatch Logs' largest event: 256 KB including 26 bytes of per-event overhead (PutLogEvents API reference). */
export const MAX_EVENT_BYTES = 262_144;
export const EVENT_OVERHEAD_BYTES = 26;
export const MAX_MESSAGE_BYTES = MAX_EVENT_BYTES - EVENT_OVERHEAD_BYTES;

export type FuzzKind =
  | 'random-bytes'
  | 'random-units'
  | 'truncated-template'
  | 'truncated-real'
  | 'report-numbers'
  | 'json-report-numbers'
  | 'near-miss-json'
  | 'odd-request-id'
  | 'max-size'
  | 'sequence';

/** One event to write: its stream, its offset in ms from the corpus's start (non-decreasing per stream). */
export type FuzzEvent = { stream: string; offsetMs: number; message: string; kind: FuzzKind };

/** An attempt a valid sequence must assemble into; `exact` sequences sit in streams holding nothing else. */
export type ExpectedAttempt = {
  stream: string;
  requestId: string;
  startOffsetMs: number;
  endOffsetMs: number;
  status: 'success' | 'error' | 'timeout';
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  coldStart: boolean;
  errorType: string | null;
  exact: boolean;
};

export type FuzzCorpus = { streams: string[]; events: FuzzEvent[]; attempts: ExpectedAttempt[] };

/** mulberry32: a tiny seeded generator. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = {
  next: () => number;
  int: (below: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  hex: (length: number) => string;
  uuid: () => string;
};

function random(seed: number): Random {
  const next = generator(seed);
  const int = (below: number) => Math.floor(next() * below);
  const hex = (length: number) => Array.from({ length }, () => '0123456789abcdef'[int(16)]).join('');
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    chance: (p) => next() < p,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` within `maxBytes` of UTF-8 (a lone surrogate counts as its 3-byte U+FFFD). */
export function fitToBytes(text: string, maxBytes: number = MAX_MESSAGE_BYTES): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (utf8Bytes(text.slice(0, middle)) <= maxBytes) low = middle;
    else high = middle - 1;
  }
  return text.slice(0, low);
}

/** `text` repeated until it is at least `length` UTF-16 units long. */
const repeatTo = (text: string, length: number) => text.repeat(Math.ceil(length / text.length));

// ---- Random text ----

/** Code unit ranges that break naive text handling: controls and NUL, lone surrogates, non-characters, BiDi and zero-width marks. */
const unitRanges: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f],
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x7f, 0x9f],
  [0xa0, 0x7ff],
  [0x800, 0xd7ff],
  [0xd800, 0xdbff],
  [0xdc00, 0xdfff],
  [0xfdd0, 0xfdef],
  [0xfff0, 0xffff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
];

function randomUnits(r: Random, length: number): string {
  let text = '';
  while (text.length < length) {
    if (r.chance(0.05)) text += r.pick(['😀', '𝄞', '\u0000', '\ufffd', '\ufeff', '\r\n', '\t', '\n']);
    else {
      const [from, to] = r.pick(unitRanges);
      text += String.fromCharCode(from + r.int(to - from + 1));
    }
  }
  return text;
}

/** Random bytes as CloudWatch would hold them: decoded as UTF-8, invalid sequences becoming U+FFFD. */
function randomBytesText(r: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index += 1) {
    // Half the time a byte that starts or continues a multi-byte sequence, so some decode and some break.
    bytes[index] = r.chance(0.5) ? r.int(256) : r.pick([0x00, 0x0a, 0x0d, 0x09, 0x7b, 0x22, 0x5c, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xff, 0xfe]);
  }
  return bytes.toString('utf8');
}

// ---- Real Lambda lines (FORMATS.md §1, §2, §4), complete, to be cut ----

function templates(r: Random): string[] {
  const id = r.uuid();
  const at = '2026-11-22T10:00:00.000Z';
  return [
    `REPORT RequestId: ${id}\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 190.62 ms\tStatus: error\tError Type: Runtime.OutOfMemory\t\nXRAY TraceId: 1-636d1462-33ef10600061cad86dab71c8\tSegmentId: 7ccb4860675ee485\tSampled: true\t\n`,
    `REPORT RequestId: ${r.uuid()}\tDuration: 2338.66 ms\tBilled Duration: 2521 ms\tMemory Size: 3009 MB\tMax Memory Used: 171 MB\tRestore Duration: 398.97 ms\tBilled Restore Duration: 182 ms\t\n`,
    `{"time":"${at}","type":"platform.report","record":{"requestId":"${r.uuid()}","metrics":{"durationMs":2599.4,"billedDurationMs":2600,"memorySizeMB":128,"maxMemoryUsedMB":94,"initDurationMs":549.04},"tracing":{"spanId":"7ccb4860675ee485","type":"X-Amzn-Trace-Id","value":"Root=1-636d1462-33ef10600061cad86dab71c8;Parent=7ccb4860675ee485;Sampled=1"},"spans":[{"name":"responseLatency","start":"${at}","durationMs":2598.2}],"status":"error","errorType":"Runtime.ExitError"}}`,
    `{"time":"${at}","type":"platform.start","record":{"requestId":"${r.uuid()}","functionArn":"arn:aws:lambda:eu-central-1:123456789012:function:fuzz","version":"$LATEST","tracing":{"spanId":"1","type":"X-Amzn-Trace-Id","value":"Root=1-5e8c3f4a-1;Sampled=0"}}}`,
    `{"time":"${at}","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.mainline.v122","runtimeVersionArn":"arn:aws:lambda:eu-central-1::runtime:${r.hex(64)}","functionName":"fuzz","functionVersion":"$LATEST","instanceMaxMemory":134217728}}`,
    `{"time":"${at}","type":"platform.initReport","record":{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ImportModuleError","metrics":{"durationMs":1211.7}}}`,
    `{"timestamp":"${at}","level":"ERROR","requestId":"${r.uuid()}","message":"payment failed 😀 ✓","errorType":"Error","errorMessage":"card declined","stackTrace":["Error: card declined","    at handler (/var/task/index.mjs:3:9)"]}`,
    `START RequestId: ${r.uuid()} Version: $LATEST\n`,
    `END RequestId: ${r.uuid()}\n`,
    `INIT_START Runtime Version: nodejs:18.v18\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:${r.hex(64)}\n`,
    `INIT_REPORT Init Duration: 10000.22 ms\tPhase: invoke\tStatus: timeout\n`,
    `RESTORE_START Runtime Version: java:11.v20\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:${r.hex(64)}\n`,
    `RESTORE_REPORT Restore Duration: 398.97 ms\n`,
    `EXTENSION\tName: datadog-agent\tState: Ready\tEvents: [INVOKE, SHUTDOWN]\n`,
    `TELEMETRY\tName: datadog-agent\tState: Subscribed\tTypes: [Platform, Function, Extension]\n`,
    `${at}\t${r.uuid()}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"Hello ✓","stack":["Error: Hello","    at Runtime.handler (/var/task/index.js:3:9)"]}\n`,
    `[ERROR] KeyError: 'Details'\rTraceback (most recent call last):\r\u00a0\u00a0File "/var/task/index.py", line 6, in handler\r\u00a0\u00a0\u00a0\u00a0x = event['Details']\n`,
    `${at} ${r.uuid()} Task timed out after 3.00 seconds\n\n`,
    `RequestId: ${r.uuid()} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`,
    `[INFO]\t${at}\t${r.uuid()}\tprocessed 😀 order 𝄞 #42\n`,
    `{"timestamp":"${at}","level":"INFO","requestId":"${r.uuid()}","message":"tab\\there \\u00e9 \\ud83d\\ude00 \\\\ end"}`,
  ];
}

/** Cuts at separators and just inside tokens: where a line's grammar changes. */
function structuralCuts(text: string): number[] {
  const cuts = new Set<number>();
  for (let index = 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (' \t\n\r:,{}[]"\\'.includes(text[index] ?? '') || (code >= 0xdc00 && code <= 0xdfff)) {
      cuts.add(index);
      cuts.add(index + 1);
    }
  }
  return [...cuts].filter((cut) => cut > 0 && cut < text.length);
}

// ---- REPORT lines with garbage numbers ----

const garbageNumbers = [
  '', ' ', 'NaN', 'Infinity', '-Infinity', '-0', '-1', '-12.5', '0', '0.0', '.5', '5.', '1.2.3', '1e309', '-1e309', '1e20', '1E5', '2147483647',
  '2147483648', '4294967296', '9007199254740993', '99999999999999999999999999', '0x1F', '0b101', '0o17', '+5', '1_000', '12abc', '١٢٣', '１２',
  '1,5', '3.0000000000000000001', '5e-324', 'null', 'undefined', '😀', '\u0000', '\ud800', 'XXXX', '12 34',
];
const reportFields = ['Duration', 'Billed Duration', 'Memory Size', 'Max Memory Used', 'Init Duration', 'Restore Duration', 'Billed Restore Duration'];
const valueFor = (r: Random, values: readonly string[]) => r.pick(values);
const separators = ['\t', ' ', '  ', ' \t', '\n', '\t\n', '\r\n', ''];

function garbageReport(r: Random, requestId: string): string {
  const fields = Array.from({ length: 1 + r.int(9) }, () => {
    const key = r.pick(reportFields);
    return `${key}: ${valueFor(r, garbageNumbers)}${r.pick([' ms', ' MB', '', ' s', 'ms', ' mss'])}`;
  });
  if (r.chance(0.3)) fields.push(`Status: ${r.pick(['timeout', 'error', 'TIMEOUT', '', 'success', 'failure', '😀'])}`);
  if (r.chance(0.2)) fields.push(`Error Type: ${r.pick(['Runtime.OutOfMemory', 'Runtime.ExitError', '', 'x'.repeat(300)])}`);
  return `REPORT RequestId: ${requestId}${r.pick(separators)}${fields.join(r.pick(separators))}${r.pick(['', '\t', '\t\n', '\n'])}`;
}

/** JSON number literals (and other values) a metric may carry, written as raw JSON text. */
const jsonMetricValues = [
  '1.5', '-1', '0', '-0', '1e308', '1E400', '-1E400', '2147483647', '2147483648', '4294967296', '1e-320', '123456789012345678901234567890',
  '100.0', '127.9999999', '"12"', 'null', 'true', '[]', '{}', '"NaN"', '[1,2]', '{"value":1}',
];
const jsonMetricKeys = ['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs', 'restoreDurationMs', 'billedRestoreDurationMs'];

function garbageJsonReport(r: Random, requestId: string): string {
  const metrics = jsonMetricKeys.filter(() => r.chance(0.6)).map((key) => `"${key}":${valueFor(r, jsonMetricValues)}`);
  const status = r.pick(['"success"', '"error"', '"timeout"', '"failure"', '"exploded"', '7', 'null']);
  return `{"time":"2026-11-22T10:00:00.000Z","type":"platform.report","record":{"requestId":${requestId},"metrics":{${metrics.join(',')}},"status":${status}}}`;
}

// ---- Near-miss platform JSON ----

function nearMissJson(r: Random): string[] {
  const id = JSON.stringify(r.uuid());
  const envelope = (type: string, record: string) => `{"time":"2026-11-22T10:00:00.000Z","type":${type},"record":${record}}`;
  const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
  const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const hugeArray = (length: number) => `[${Array.from({ length }, (_, index) => index % 10).join(',')}]`;
  return [
    ...['7', '{"id":"x"}', '["x"]', 'null', 'true', '""', '" "', '"undefined"', '"\\u0000"', '"\\ud800"', '"\\udc00x"', '"a\\u0000b"', '"\\ud83d\\ude00"', '"a\\nb\\tc"', '"\'; DROP TABLE attempts; --"', `"${'r'.repeat(5000)}"`].flatMap((requestId) => [
      envelope('"platform.report"', `{"requestId":${requestId},"metrics":{"durationMs":12.5,"billedDurationMs":13,"memorySizeMB":128,"maxMemoryUsedMB":60},"status":"success"}`),
      envelope('"platform.start"', `{"requestId":${requestId},"version":"$LATEST"}`),
      envelope('"platform.runtimeDone"', `{"requestId":${requestId},"status":"success"}`),
    ]),
    envelope('"platform.report"', 'null'),
    envelope('"platform.report"', '[1,2]'),
    envelope('"platform.report"', '"REPORT RequestId: x"'),
    envelope('"platform.report"', '42'),
    `{"time":"t","type":"platform.report"}`,
    envelope('["platform.report"]', `{"requestId":${id}}`),
    envelope('"platform.Report"', `{"requestId":${id}}`),
    envelope('"platform.report "', `{"requestId":${id}}`),
    envelope('"platform."', `{"requestId":${id}}`),
    envelope('null', `{"requestId":${id}}`),
    envelope('"platform.report"', `{"record":{"requestId":${id},"metrics":{"durationMs":1}}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":{"metrics":{"durationMs":1}}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":"fast","status":{"value":"success"}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":${deep(5_000, '[', ']')}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":${deepObject(5_000)}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":{"durationMs":3},"spans":${hugeArray(40_000)}}`),
    envelope('"platform.report"', `{"requestId":${id},"metrics":{"durationMs":3},"tracing":{"value":"${'Root=;'.repeat(2_000)}"}}`),
    envelope('"platform.report"', `{"requestId":"a","requestId":${id},"metrics":{"durationMs":4,"durationMs":"x"}}`),
    envelope('"platform.report"', `{"__proto__":{"requestId":"polluted"},"constructor":1,"requestId":${id}}`),
    envelope('"platform.report"', `{"requestId":"toString","metrics":{"durationMs":1}}`),
    envelope('"platform.start"', `{"requestId":${id},"tracing":"Root=1"}`),
    envelope('"platform.start"', `{"requestId":${id},"tracing":{"value":7}}`),
    envelope('"platform.start"', `{"requestId":${id},"version":{"v":1}}`),
    envelope('"platform.initStart"', `{"initializationType":7,"phase":"later","runtimeVersion":[]}`),
    envelope('"platform.initReport"', `{"phase":"init","status":"error","metrics":${hugeArray(10_000)}}`),
    envelope('"platform.extension"', `{"name":"x","events":${JSON.stringify(Array.from({ length: 20_000 }, () => 'INVOKE'))}}`),
    envelope('"platform.extension"', `{"state":"Ready","events":"INVOKE"}`),
    envelope('"platform.telemetrySubscription"', `{"name":7,"types":[1,"Platform",null]}`),
    envelope('"platform.fault"', `{"message":"x"}`),
    envelope('"platform.fault"', `"RequestId: x Error: Runtime exited with error: signal: killed\\nRuntime.ExitError"`),
    envelope('"function"', '42'),
    envelope('"function"', `"START RequestId: ${'f'.repeat(40)} Version: 1\\n"`),
    envelope('"function"', `{"level":"INFO","message":${deepObject(5_000)}}`),
    envelope('"function"', `{"deep":${deep(5_000, '[', ']')}}`),
    envelope('"function"', deepObject(8_000)),
    `{"timestamp":"t","level":"INFO","message":${deep(5_000, '[', ']')}}`,
    `{"timestamp":"t","level":"ERROR","message":${deepObject(5_000)},"errorMessage":"x"}`,
    `{"timestamp":"t","level":{"name":"INFO"},"message":null}`,
    `{"timestamp":"t","log_level":"ERROR","errorType":"KeyError","errorMessage":"a\\u0000b\\ud800","stackTrace":["\\u0000",7,null,"\\udfff"],"requestId":${id}}`,
    `{"timestamp":"t","level":"ERROR","requestId":"\\u0000","message":"x"}`,
    `{"timestamp":"t","level":"INFO","AWSRequestId":"${'\\ud800'.repeat(100)}","message":"java"}`,
    `\ufeff${envelope('"platform.report"', `{"requestId":${id}}`)}`,
    `  ${envelope('"platform.report"', `{"requestId":${id}}`)}  `,
    `${envelope('"platform.report"', `{"requestId":${id}}`)}x`,
    `${envelope('"platform.report"', `{"requestId":${id}}`)}}`,
    `{"time":"t","type":"platform.report","record":{"requestId":${id},}}`,
    `{"type":"platform.report","record":${deep(10_000, '[', ']')}}`,
    `{"type":"platform.report","record":{"requestId":${id}},"type":"platform.start"}`,
  ];
}

// ---- Request ids: overlong, odd characters ----

const oddIdParts = ['😀', '𝄞', '\u200b', '\u202e', '\ufeff', '\ufffd', '\u0000', '\ud800', '\udfff', '\u0001', '\u000b', '\u000c', "'", '"', '\\', '%s', '${x}', '$1', ';--', '<script>', 'é', '流', 'Ω', '\u00a0'];

function oddRequestIds(r: Random): string[] {
  const ids: string[] = [];
  for (const length of [1, 36, 255, 256, 257, 300, 1_000, 2_800, 5_000, 20_000]) {
    ids.push(repeatTo(r.hex(64), length).slice(0, length));
    // Three bytes a character: the store's indexes count bytes, not characters.
    ids.push(repeatTo('流', length).slice(0, length));
  }
  for (let index = 0; index < 40; index += 1) {
    ids.push(Array.from({ length: 1 + r.int(12) }, () => (r.chance(0.5) ? r.pick(oddIdParts) : r.hex(4))).join(''));
  }
  return ids;
}

function linesWithRequestId(r: Random, id: string): string[] {
  return [
    `START RequestId: ${id} Version: $LATEST\n`,
    `END RequestId: ${id}\n`,
    `REPORT RequestId: ${id}\tDuration: ${r.int(5000)}.${r.int(100)} ms\tBilled Duration: ${r.int(5000)} ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n`,
    `2026-11-22T10:00:00.000Z\t${id}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"odd id","stack":[]}\n`,
    `[ERROR]\t2026-11-22T10:00:00.000Z\t${id}\tpython says hi\n`,
    `2026-11-22T10:00:00.000Z ${id} Task timed out after 3.00 seconds\n`,
    `RequestId: ${id} Error: Runtime exited with error: exit status 1\nRuntime.ExitError`,
    `${id} INFO Handler:12 - java line`,
  ];
}

// ---- Messages at the size limit ----

function maxSizeMessages(r: Random): string[] {
  const fill = (prefix: string, body: string, suffix = '') => {
    const room = MAX_MESSAGE_BYTES - utf8Bytes(prefix) - utf8Bytes(suffix);
    return prefix + fitToBytes(repeatTo(body, room), room) + suffix;
  };
  // A request id runs to the next space, tab or line end: none of those inside.
  const noSpace = [...randomUnits(r, 4_096)].map((char) => (char.trim() === '' || char <= ' ' ? 'x' : char)).join('');
  return [
    fill('REPORT RequestId: ', noSpace, '\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n'),
    fill('START RequestId: ', 'a', ' Version: $LATEST\n'),
    fill(`2026-11-22T10:00:00.000Z\t${r.uuid()}\tINFO\t`, 'all work and no play 😀 '),
    fill(`{"time":"2026-11-22T10:00:00.000Z","type":"platform.report","record":{"requestId":"${r.uuid()}","metrics":{"durationMs":1},"pad":"`, 'p', '"}}'),
    fill(`{"time":"t","type":"platform.report","record":{"requestId":"${r.uuid()}","metrics":`, '[', ''),
    fill('', '流'),
    fill('', '𝄞'),
    fill('', 'x'),
    fitToBytes(randomBytesText(r, MAX_MESSAGE_BYTES)),
    fitToBytes(randomUnits(r, MAX_MESSAGE_BYTES)),
  ];
}

// ---- Valid START…REPORT sequences ----

type Sequence = { lines: string[]; attempt: Omit<ExpectedAttempt, 'stream' | 'startOffsetMs' | 'endOffsetMs' | 'exact'>; startLine: number; reportLine: number };

function textSequence(r: Random, cold: boolean): Sequence {
  const requestId = r.uuid();
  const status = r.pick(['success', 'success', 'error', 'timeout'] as const);
  const durationMs = Math.round(r.next() * 300_000) / 100;
  const billedDurationMs = Math.ceil(durationMs);
  const memorySizeMB = r.pick([128, 256, 1024, 10240]);
  const maxMemoryUsedMB = 40 + r.int(80);
  const at = '2026-11-22T10:00:00.000Z';
  const lines: string[] = [];
  if (cold) lines.push(`INIT_START Runtime Version: nodejs:20.v40\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:${r.hex(64)}\n`);
  const startLine = lines.length;
  lines.push(`START RequestId: ${requestId} Version: $LATEST\n`);
  lines.push(`${at}\t${requestId}\tINFO\tprocessing order ${r.int(1000)}\n`);
  if (status === 'error') lines.push(`${at}\t${requestId}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"boom","stack":["TypeError: boom"]}\n`);
  lines.push(`END RequestId: ${requestId}\n`);
  let report = `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billedDurationMs} ms\tMemory Size: ${memorySizeMB} MB\tMax Memory Used: ${maxMemoryUsedMB} MB\t`;
  if (cold) report += 'Init Duration: 187.31 ms\t';
  if (status === 'timeout') report += 'Status: timeout\t';
  const reportLine = lines.length;
  lines.push(`${report}\n`);
  const errorType = status === 'error' ? 'TypeError' : status === 'timeout' ? 'Sandbox.Timedout' : null;
  return { lines, startLine, reportLine, attempt: { requestId, status, durationMs, billedDurationMs, memorySizeMB, maxMemoryUsedMB, coldStart: cold, errorType } };
}

function jsonSequence(r: Random, cold: boolean): Sequence {
  const requestId = r.uuid();
  const status = r.pick(['success', 'success', 'error', 'timeout'] as const);
  const durationMs = Math.round(r.next() * 3_000_000) / 1000;
  const billedDurationMs = Math.ceil(durationMs);
  const memorySizeMB = r.pick([128, 512, 3008]);
  const maxMemoryUsedMB = 50 + r.int(50);
  const time = '"time":"2026-11-22T10:00:00.000Z"';
  const lines: string[] = [];
  if (cold) lines.push(`{${time},"type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.v9","functionName":"fuzz","functionVersion":"$LATEST"}}`);
  const startLine = lines.length;
  lines.push(`{${time},"type":"platform.start","record":{"requestId":"${requestId}","version":"$LATEST"}}`);
  lines.push(`{"timestamp":"2026-11-22T10:00:00.000Z","level":"INFO","requestId":"${requestId}","message":{"order":${r.int(1000)}}}`);
  const metrics = `"durationMs":${durationMs},"billedDurationMs":${billedDurationMs},"memorySizeMB":${memorySizeMB},"maxMemoryUsedMB":${maxMemoryUsedMB}${cold ? ',"initDurationMs":201.5' : ''}`;
  const errorType = status === 'error' ? 'Runtime.ExitError' : status === 'timeout' ? 'Sandbox.Timedout' : null;
  const reportLine = lines.length;
  lines.push(`{${time},"type":"platform.report","record":{"requestId":"${requestId}","metrics":{${metrics}},"status":"${status}"${status === 'error' ? ',"errorType":"Runtime.ExitError"' : ''}}}`);
  return { lines, startLine, reportLine, attempt: { requestId, status, durationMs, billedDurationMs, memorySizeMB, maxMemoryUsedMB, coldStart: cold, errorType } };
}

// ---- The corpus ----

export type FuzzCorpusOptions = {
  seed: number;
  /** Real event messages (../shared/lambda-logs/real via loadRealMessages), each cut at a few positions. */
  realMessages: readonly string[];
  /** The span the offsets cover. */
  spanMs: number;
};

/**
 * The corpus over five streams: two hold only valid sequences (their attempts are known exactly),
 * three hold the fuzz with more valid sequences spliced in; one of those has a 512-character name.
 */
export function buildFuzzCorpus(options: FuzzCorpusOptions): FuzzCorpus {
  const r = random(options.seed);
  const cleanText = `2026/11/22/[$LATEST]${r.hex(32)}`;
  const cleanJson = `2026/11/22/[7]${r.hex(32)}`;
  const fuzzA = `2026/11/22/[$LATEST]${r.hex(32)}`;
  const fuzzB = `2026/11/22/[$LATEST]odd 😀 "stream" ✓ ${r.hex(8)}`;
  const fuzzLong = fitToBytes(`2026/11/22/[$LATEST]${'流'.repeat(600)}`, 1_536).slice(0, 512);
  const fuzzStreams = [fuzzA, fuzzB, fuzzLong];

  const fuzz: Array<{ message: string; kind: FuzzKind }> = [];
  const add = (kind: FuzzKind, message: string) => {
    if (message.length > 0) fuzz.push({ message: fitToBytes(message), kind });
  };
  for (let index = 0; index < 300; index += 1) add('random-bytes', randomBytesText(r, 1 + r.int(r.chance(0.1) ? 4_000 : 200)));
  for (let index = 0; index < 300; index += 1) add('random-units', randomUnits(r, 1 + r.int(r.chance(0.1) ? 4_000 : 200)));
  // Every cut of the platform lines; a few cuts of every real message, at separators and anywhere.
  for (const template of templates(r)) {
    for (let length = 1; length < template.length; length += 1) add('truncated-template', template.slice(0, length));
  }
  for (const real of options.realMessages) {
    const cuts = structuralCuts(real);
    for (let index = 0; index < 2 && cuts.length > 0; index += 1) add('truncated-real', real.slice(0, r.pick(cuts)));
    if (real.length > 1) add('truncated-real', real.slice(0, 1 + r.int(real.length - 1)));
    add('truncated-real', real);
  }
  for (let index = 0; index < 250; index += 1) add('report-numbers', garbageReport(r, r.chance(0.8) ? r.uuid() : r.pick(['x', '-', '\u0000', '😀'])));
  for (let index = 0; index < 150; index += 1) add('json-report-numbers', garbageJsonReport(r, r.pick([JSON.stringify(r.uuid()), '7', 'null', '{"a":1}'])));
  for (const message of nearMissJson(r)) add('near-miss-json', message);
  for (const id of oddRequestIds(r)) for (const line of linesWithRequestId(r, id)) add('odd-request-id', line);
  for (const message of maxSizeMessages(r)) add('max-size', message);

  // Shuffled (Fisher–Yates), so every kind lands between every other, then dealt to the fuzz streams.
  for (let index = fuzz.length - 1; index > 0; index -= 1) {
    const other = r.int(index + 1);
    [fuzz[index], fuzz[other]] = [fuzz[other] as (typeof fuzz)[number], fuzz[index] as (typeof fuzz)[number]];
  }
  const perStream = new Map<string, Array<{ message: string; kind: FuzzKind; sequence?: { sequence: Sequence; line: number } }>>(
    [cleanText, cleanJson, ...fuzzStreams].map((stream) => [stream, []]),
  );
  for (const event of fuzz) perStream.get(r.pick(fuzzStreams))?.push(event);

  const sequences: Array<{ stream: string; sequence: Sequence; exact: boolean }> = [];
  const place = (stream: string, sequence: Sequence, exact: boolean) => {
    const events = perStream.get(stream) ?? [];
    // Spliced as a block, never inside another: an environment runs one request at a time, so a
    // request's lines never interleave with another's.
    let at = exact ? events.length : r.int(events.length + 1);
    while (at > 0 && at < events.length && events[at - 1]?.sequence !== undefined && events[at - 1]?.sequence?.sequence === events[at]?.sequence?.sequence) {
      at = r.int(events.length + 1);
    }
    events.splice(at, 0, ...sequence.lines.map((message, line) => ({ message, kind: 'sequence' as const, sequence: { sequence, line } })));
    sequences.push({ stream, sequence, exact });
  };
  for (let index = 0; index < 40; index += 1) place(cleanText, textSequence(r, index % 8 === 0), true);
  for (let index = 0; index < 30; index += 1) place(cleanJson, jsonSequence(r, index % 10 === 0), true);
  for (let index = 0; index < 30; index += 1) {
    const stream = r.pick(fuzzStreams);
    place(stream, r.chance(0.5) ? textSequence(r, false) : jsonSequence(r, false), false);
  }

  // Offsets strictly increasing within a stream, so a sequence's START comes before its REPORT.
  const events: FuzzEvent[] = [];
  const offsets = new Map<Sequence, { start: number; end: number }>();
  for (const [stream, streamEvents] of perStream) {
    const step = options.spanMs / (streamEvents.length + 1);
    streamEvents.forEach((event, index) => {
      const offsetMs = Math.floor((index + 1) * step);
      events.push({ stream, offsetMs, message: event.message, kind: event.kind });
      if (!event.sequence) return;
      const known = offsets.get(event.sequence.sequence) ?? { start: -1, end: -1 };
      if (event.sequence.line === event.sequence.sequence.startLine) known.start = offsetMs;
      if (event.sequence.line === event.sequence.sequence.reportLine) known.end = offsetMs;
      offsets.set(event.sequence.sequence, known);
    });
  }
  const attempts = sequences.map(({ stream, sequence, exact }): ExpectedAttempt => {
    const known = offsets.get(sequence) ?? { start: -1, end: -1 };
    return { ...sequence.attempt, stream, startOffsetMs: known.start, endOffsetMs: known.end, exact };
  });
  return { streams: [...perStream.keys()], events, attempts };
}
