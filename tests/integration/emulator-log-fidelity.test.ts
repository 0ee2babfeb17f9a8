/**
 * Acceptance: every line the emulator writes has the shape of the real Lambda lines in
 * ../shared/lambda-logs/real (same grammar, field order, separators). The reference shapes are
 * derived from those files by tests/support/log-shapes, never typed from our own output; the first
 * describe pins what the corpus yields so a change in the helpers cannot silently move the target.
 *
 * Reference tiers: canonical CloudWatch events (exact, tabs and line ends intact) first; where the
 * corpus holds a line type or a field only in a pasted copy (tabs expanded, one field per line, no
 * event boundaries), the test compares token grammar instead and says so where it does.
 */
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand, InvokeCommand, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { functionZip, testRole, uniqueName } from '../support/function-zip';
import { classifyLine, type LineKind } from '../support/log-shapes/classify-line';
import { findOrderConflicts } from '../support/log-shapes/find-order-conflicts';
import { loadRealMessages, type RealMessage } from '../support/log-shapes/load-real-messages';
import { matchesShape } from '../support/log-shapes/matches-shape';
import { parseJsonObject } from '../support/log-shapes/parse-json-object';
import { parsePlatformFields, type PlatformField } from '../support/log-shapes/parse-platform-fields';
import { shapeJsonRecord, type JsonRecordShape } from '../support/log-shapes/shape-json-record';
import { shapeOf } from '../support/log-shapes/shape-of';
import { sdkClients } from '../support/sdk-clients';

const corpus = loadRealMessages();

function realOf(kind: LineKind, keep: (message: RealMessage) => boolean = () => true): RealMessage[] {
  return corpus.filter((message) => classifyLine(message.text) === kind && keep(message));
}
const canonicalShapes = (kind: LineKind) => new Set(realOf(kind, (message) => message.canonical).map((message) => shapeOf(message.text)));
const allShapes = (kind: LineKind) => new Set(realOf(kind).map((message) => shapeOf(message.text)));
const withoutLineEnd = (shape: string) => shape.replace(/(?:\r|\n)+$/, '');

/** Every `Key: value unit` form real lines use for a key (any keyword, pasted copies included). */
function realForms(key: string): Set<string> {
  const forms = new Set<string>();
  for (const message of corpus) {
    for (const field of parsePlatformFields(message.text)?.fields ?? []) if (field.key === key) forms.add(formOf(field));
  }
  return forms;
}
const formOf = (field: PlatformField) => `${field.key}: ${field.value}${field.unit ? ` ${field.unit}` : ''}`;
const realKeyOrders = (kind: LineKind) => realOf(kind).map((message) => (parsePlatformFields(message.text)?.fields ?? []).map((field) => field.key));

const realPlatformRecords: JsonRecordShape[] = corpus.flatMap((message) =>
  message.json && classifyLine(message.text) === 'platform-json' ? [shapeJsonRecord(message.json)] : [],
);

describe('the real corpus yields the reference shapes', () => {
  test.each<[LineKind, string]>([
    ['INIT_START', 'INIT_START Runtime Version: <runtime>\tRuntime Version ARN: <arn>\n'],
    ['START', 'START RequestId: <id> Version: $LATEST\n'],
    ['END', 'END RequestId: <id>\n'],
    ['REPORT', 'REPORT RequestId: <id>\tDuration: <f> ms\tBilled Duration: <n> ms\tMemory Size: <n> MB\tMax Memory Used: <n> MB\t\n'],
    [
      'REPORT',
      'REPORT RequestId: <id>\tDuration: <f> ms\tBilled Duration: <n> ms\tMemory Size: <n> MB\tMax Memory Used: <n> MB\tInit Duration: <f> ms\t\n',
    ],
    [
      'REPORT',
      'REPORT RequestId: <id>\tDuration: <f> ms\tBilled Duration: <n> ms\tMemory Size: <n> MB\tMax Memory Used: <n> MB\t\nXRAY TraceId: <hex>\tSegmentId: <hex>\tSampled: true\t\n',
    ],
    ['task-timed-out', '<ts> <id> Task timed out after <f> seconds\n\n'],
    ['node-app', '<ts>\t<id>\tINFO\t<text>\n'],
    ['node-app', '<ts>\tundefined\tINFO\t<text>\n'],
    ['node-app', '<ts>\t<id>\tINFO\t<text>(\\r<text>)+\n'],
    [
      'platform-json',
      '{time:<ts>,type:"platform.report",record:{requestId:<id>,metrics:{durationMs:<num>,billedDurationMs:<num>,memorySizeMB:<num>,maxMemoryUsedMB:<num>,initDurationMs:<num>},status:<str>}}',
    ],
  ])('canonical CloudWatch %s events include %j', (kind, shape) => {
    expect(canonicalShapes(kind)).toContain(shape);
  });

  // These line types exist in the corpus only as pasted copies or Telemetry API records.
  test.each<[LineKind, string]>([
    ['INIT_REPORT', 'INIT_REPORT Init Duration: <f> ms Phase: invoke Status: timeout'],
    ['REPORT', 'REPORT RequestId: <id>\nDuration: <f> ms\nBilled Duration: <n> ms\nMemory Size: <n> MB\nMax Memory Used: <n> MB\nStatus: timeout'],
    ['runtime-exit', 'RequestId: <id> Error: Runtime exited with error: signal: killed\nRuntime.ExitError'],
    ['node-app', '<masked>\t<masked>\tERROR\tInvoke Error \t{errorType:<str>,errorMessage:<str>,stack:[<str>]}'],
    ['python-app', '[INFO]\t<ts>\t<id>\t<text>'],
    ['python-error', '[ERROR] <type>: <text>\nTraceback (most recent call last):\n  File "<text>", line <n>, in <text>\n    <text>'],
    ['app-json', '{timestamp:<ts>,level:<str>,requestId:<id>,message:{statusCode:<num>,body:<str>}}\n'],
    [
      'platform-json',
      '{time:<ts>,type:"platform.initStart",record:{initializationType:<str>,phase:<str>,runtimeVersion:<runtime>,runtimeVersionArn:<arn>,functionName:<str>,functionVersion:<str>}}',
    ],
    ['platform-json', '{time:<ts>,type:"platform.initReport",record:{initializationType:<str>,phase:<str>,metrics:{durationMs:<num>},spans:[]}}'],
  ])('pasted copies and records of %s include %j', (kind, shape) => {
    expect(allShapes(kind)).toContain(shape);
  });

  test('the double-escaped Datadog snapshots are un-escaped as their note says, and then count as canonical', () => {
    const normalised = corpus.filter((message) => message.normalised);
    expect(normalised.map((message) => message.from)).toEqual([
      ...Array<string>(3).fill('aws/logs_monitoring/tools/integration_tests/snapshots/cloudwatch_log_coldstart.json'),
      ...Array<string>(4).fill('aws/logs_monitoring/tools/integration_tests/snapshots/cloudwatch_log_timeout.json'),
    ]);
    for (const message of normalised) {
      expect(message.text).not.toMatch(/\\[nt]/);
      expect(message.text).toMatch(/\n$/);
      expect(message.canonical).toBe(true);
    }
  });

  test('hand-typed REPORT constants (spaces for tabs) are not canonical', () => {
    const handTyped = corpus.filter((message) => message.from.endsWith('::standard_report') || message.from.endsWith('::cold_start_report'));
    expect(handTyped).toHaveLength(2);
    expect(handTyped.every((message) => !message.canonical)).toBe(true);
  });

  test.each([
    ['START RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa Version: $LATEST\n', 'START RequestId: <id> Version: $LATEST\n'],
    ['REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: 3.5 ms\t', 'REPORT RequestId: <id>\tDuration: <f> ms\t'],
    ['2020-06-09T15:02:26.150Z 7c9567b5-107b-4a6c-8798-0157ac21db52 Task timed out after 3.00 seconds\n\n', '<ts> <id> Task timed out after <f> seconds\n\n'],
    ['XRAY TraceId: 1-5d83c0ad-b8eb33a0b1de97d804fac890\tSegmentId: 31255c3b19bd3637\tSampled: true', 'XRAY TraceId: <hex>\tSegmentId: <hex>\tSampled: true'],
    ['2023-12-05T22:10:47.468Z\tundefined\tINFO\tLoading function\n', '<ts>\tundefined\tINFO\t<text>\n'],
    ['2019-06-05T19:30:03.173Z\tab\tINFO\tEVENT\r{\r}\n', '<ts>\tab\tINFO\t<text>(\\r<text>)+\n'],
    ['XXXX-XX-XX XX:XX:XX.XXX\tXXXX-XXXX-XXXX-XXXX-XXXX\tERROR\t[dd.trace_id=XXXX] Invoke Error \t{"errorType":"Error"}', '<masked>\t<masked>\tERROR\tInvoke Error \t{errorType:<str>}'],
    ['[ERROR] KeyError: \'Details\'\r\u00a0\u00a0File "/var/task/a.py", line 6, in h', '[ERROR] <type>: <text>\r\u00a0\u00a0File "<text>", line <n>, in <text>'],
    ['{"time":"2024-04-25T17:35:59.944Z","type":"platform.start","record":{"requestId":"459921b5-681c-4a96-beb0-81e0aa586026","version":"$LATEST"}}', '{time:<ts>,type:"platform.start",record:{requestId:<id>,version:<str>}}'],
    ['INIT_START Runtime Version: nodejs:22.mainline.v122\tRuntime Version ARN: arn:aws:lambda:us-east-2::runtime:d949ec\n', 'INIT_START Runtime Version: <runtime>\tRuntime Version ARN: <arn>\n'],
  ])('shapeOf(%j) is %j', (message, shape) => {
    expect(shapeOf(message)).toBe(shape);
  });

  test.each<[string[], string[][], { conflicts: string[][]; unknown: string[] }]>([
    [['a', 'b', 'c'], [['a', 'b', 'c']], { conflicts: [], unknown: [] }],
    [['b', 'a'], [['a', 'b']], { conflicts: [['b', 'a']], unknown: [] }],
    // Producers disagree (RIE prints Init Duration first): one real line in the same order suffices.
    [['a', 'b'], [['b', 'a'], ['a', 'b']], { conflicts: [], unknown: [] }],
    [['a', 'z'], [['a']], { conflicts: [], unknown: ['z'] }],
  ])('findOrderConflicts(%j, %j)', (keys, references, expected) => {
    const check = findOrderConflicts(keys, references);
    expect({ conflicts: check.conflicts, unknown: check.unknown }).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------

const nodeCode = `
export const greet = async () => {
  console.log('hello from the handler');
  console.log('first line\\nsecond line');
  console.log({ statusCode: 200, body: 'hello' });
  return { ok: true };
};
export const fail = async () => {
  throw new Error('something broke');
};
export const wait = async () => {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return 'too late';
};
export const hog = async () => {
  const kept = [];
  for (;;) {
    // Filled, so the pages become resident: a zero-filled Buffer.alloc is calloc'ed lazily and never counts.
    kept.push(Buffer.alloc(8 * 1024 * 1024, 1));
    await new Promise((resolve) => setImmediate(resolve));
  }
};
`;

const pythonCode = `
import logging

logger = logging.getLogger()


def greet(event, context):
    logger.info("hello from the handler")
    return {"ok": True}


def fail(event, context):
    raise ValueError("something broke")
`;

type Format = 'Text' | 'JSON';
type Scenario = {
  label: 'success' | 'thrown error' | 'timeout' | 'out of memory' | 'init error';
  runtime: 'nodejs20.x' | 'python3.12';
  format: Format;
  handler: string;
  invokes: number;
  config?: Pick<CreateFunctionCommandInput, 'Timeout' | 'MemorySize'>;
};

const nodeScenarios = (format: Format): Scenario[] => [
  // Two invokes: a cold start, then a warm one in the same environment.
  { label: 'success', runtime: 'nodejs20.x', format, handler: 'index.greet', invokes: 2 },
  { label: 'thrown error', runtime: 'nodejs20.x', format, handler: 'index.fail', invokes: 1 },
  { label: 'timeout', runtime: 'nodejs20.x', format, handler: 'index.wait', invokes: 1, config: { Timeout: 1 } },
  { label: 'out of memory', runtime: 'nodejs20.x', format, handler: 'index.hog', invokes: 1, config: { MemorySize: 128 } },
  { label: 'init error', runtime: 'nodejs20.x', format, handler: 'index.notExported', invokes: 1 },
];

const scenarios: Scenario[] = [
  ...nodeScenarios('Text'),
  ...nodeScenarios('JSON'),
  { label: 'success', runtime: 'python3.12', format: 'Text', handler: 'index.greet', invokes: 2 },
  { label: 'thrown error', runtime: 'python3.12', format: 'Text', handler: 'index.fail', invokes: 1 },
];

type WrittenEvent = { scenario: Scenario; message: string; kind: LineKind };

let emulator: RunningEmulator | undefined;
let written: WrittenEvent[] = [];

async function runScenario(url: string, scenario: Scenario): Promise<WrittenEvent[]> {
  const { lambda, logs, cloudwatch } = sdkClients(url);
  try {
    const FunctionName = uniqueName(`fidelity-${scenario.runtime.replace('.', '')}-${scenario.format}`);
    const files: Record<string, string> = scenario.runtime === 'python3.12' ? { 'index.py': pythonCode } : { 'index.mjs': nodeCode };
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName,
        Runtime: scenario.runtime,
        Handler: scenario.handler,
        Role: testRole,
        Code: { ZipFile: functionZip(files) },
        LoggingConfig: { LogFormat: scenario.format },
        ...scenario.config,
      }),
    );
    for (let count = 0; count < scenario.invokes; count += 1) await lambda.send(new InvokeCommand({ FunctionName }));
    const events: WrittenEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${FunctionName}`, nextToken }));
      for (const event of page.events ?? []) {
        const message = event.message ?? '';
        events.push({ scenario, message, kind: classifyLine(message) });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  } finally {
    lambda.destroy();
    logs.destroy();
    cloudwatch.destroy();
  }
}

function writtenOf(kind: LineKind, keep: (scenario: Scenario) => boolean = () => true): string[] {
  return written.filter((event) => event.kind === kind && keep(event.scenario)).map((event) => event.message);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const url = emulator.url;
  written = (await Promise.all(scenarios.map((scenario) => runScenario(url, scenario)))).flat();
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

describe('the lines the emulator writes have the real shapes', () => {
  test('every event it wrote is one of the line types checked below, and every scenario produced its lines', () => {
    expect(written.filter((event) => event.kind === 'other').map((event) => event.message)).toEqual([]);
    expect([...new Set(written.map((event) => event.kind))].sort()).toEqual(
      [
        'INIT_START',
        'INIT_REPORT',
        'START',
        'END',
        'REPORT',
        'task-timed-out',
        'runtime-exit',
        'platform-json',
        'app-json',
        'node-app',
        'python-app',
        'python-error',
      ].sort(),
    );
  });

  test.each<LineKind>(['INIT_START', 'START', 'END', 'task-timed-out'])('every %s line has the shape of a canonical real one', (kind) => {
    const lines = writtenOf(kind);
    expect(lines.length).toBeGreaterThan(0);
    const reference = canonicalShapes(kind);
    expect(lines.map(shapeOf).filter((shape) => !reference.has(shape))).toEqual([]);
  });

  test('REPORT lines without a Status (cold and warm success, a function error) equal a canonical real REPORT shape', () => {
    const lines = writtenOf('REPORT').filter((line) => !line.includes('\tStatus: '));
    const labels = new Set(written.filter((event) => lines.includes(event.message)).map((event) => event.scenario.label));
    expect([...labels].sort()).toEqual(['success', 'thrown error']);
    const shapes = new Set(lines.map(shapeOf));
    // Cold start (Init Duration) and warm invocations both appear, each a shape real CloudWatch wrote.
    expect([...shapes].sort()).toEqual(
      [
        'REPORT RequestId: <id>\tDuration: <f> ms\tBilled Duration: <n> ms\tMemory Size: <n> MB\tMax Memory Used: <n> MB\t\n',
        'REPORT RequestId: <id>\tDuration: <f> ms\tBilled Duration: <n> ms\tMemory Size: <n> MB\tMax Memory Used: <n> MB\tInit Duration: <f> ms\t\n',
      ].sort(),
    );
    for (const shape of shapes) expect(canonicalShapes('REPORT')).toContain(shape);
  });

  /*
   * `Status:` appears in the corpus only in a pasted REPORT split one field per line
   * (gh-issue-datadog-lambda-extension-1237.log) and `Error Type:` in no REPORT at all (only in an
   * EXTENSION line, [S9]). So these lines are checked in two parts: without the fields the canonical
   * lines lack, the rest must equal a canonical shape exactly; the extra fields must have a real
   * `Key: value` form, follow the real field order, and use the canonical REPORT separator (`\t`).
   */
  test.each<[Scenario['label'], string[]]>([
    ['timeout', ['Status']],
    ['out of memory', ['Status', 'Error Type']],
    ['init error', ['Status', 'Error Type']],
  ])('the %s REPORT follows the real REPORT grammar with its extra fields %j', (label, extraKeys) => {
    const lines = writtenOf('REPORT', (scenario) => scenario.label === label && scenario.format === 'Text');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const parsed = parsePlatformFields(line);
      const keys = parsed?.fields.map((field) => field.key) ?? [];
      expect(keys.filter((key) => extraKeys.includes(key))).toEqual(extraKeys);

      const withoutExtras = extraKeys.reduce((text, key) => text.replace(new RegExp(`\\t${key}: [^\\t]*(?=\\t)`), ''), line);
      expect(canonicalShapes('REPORT')).toContain(shapeOf(withoutExtras));

      const canonicalSeparators = new Set(
        realOf('REPORT', (message) => message.canonical).flatMap((message) => (parsePlatformFields(message.text)?.fields ?? []).slice(1).map((field) => field.separator)),
      );
      for (const field of parsed?.fields.slice(1) ?? []) {
        expect(field.separator).toBe('\t');
        expect(canonicalSeparators).toContain(field.separator);
      }
      for (const field of parsed?.fields.filter((candidate) => extraKeys.includes(candidate.key)) ?? []) {
        expect(realForms(field.key)).toContain(formOf(field));
      }
      const order = findOrderConflicts(keys, realKeyOrders('REPORT'));
      expect(order.conflicts).toEqual([]);
      // No real line puts Error Type in a REPORT; FORMATS.md §1.4 [R3] places it right after Status.
      expect(order.unknown).toEqual(extraKeys.filter((key) => key === 'Error Type'));
      if (extraKeys.includes('Error Type')) expect(keys.indexOf('Error Type')).toBe(keys.indexOf('Status') + 1);
    }
  });

  /*
   * INIT_REPORT exists in the corpus only as a pasted line with its tabs expanded
   * (`INIT_REPORT Init Duration: 180000.45 ms Phase: invoke Status: timeout`). Checked: the fields
   * and their order and forms; separators are compared with the canonical platform lines of the
   * same family (REPORT, INIT_START), which use `\t` and end a REPORT with `\t\n`.
   */
  test('INIT_REPORT lines follow the real INIT_REPORT field order and forms, with canonical tab separators', () => {
    const lines = writtenOf('INIT_REPORT', (scenario) => scenario.format === 'Text');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const parsed = parsePlatformFields(line);
      const keys = parsed?.fields.map((field) => field.key) ?? [];
      expect(keys.slice(0, 3)).toEqual(['Init Duration', 'Phase', 'Status']);
      const order = findOrderConflicts(keys, realKeyOrders('INIT_REPORT'));
      expect(order.conflicts).toEqual([]);
      expect(order.unknown).toEqual(keys.includes('Error Type') ? ['Error Type'] : []);
      for (const field of parsed?.fields ?? []) expect(realForms(field.key)).toContain(formOf(field));
      expect(parsed?.fields.map((field) => field.separator)).toEqual([' ', ...keys.slice(1).map(() => '\t')]);
      const reportEndings = new Set(
        realOf('REPORT', (message) => message.canonical && !message.text.includes('\nXRAY')).map((message) => parsePlatformFields(message.text)?.trailing),
      );
      expect([...reportEndings]).toEqual(['\t\n']);
      expect(parsed?.trailing).toBe('\t\n');
    }
  });

  // The corpus has this event only as pasted issue text: its two physical lines, rejoined with `\n`.
  test('the out-of-memory runtime-exit event has the two lines of the real ones', () => {
    const lines = writtenOf('runtime-exit');
    expect(lines.length).toBeGreaterThan(0);
    const reference = allShapes('runtime-exit');
    expect(lines.map(shapeOf).filter((shape) => !reference.has(shape))).toEqual([]);
  });

  test.each(['platform.initStart', 'platform.start', 'platform.report', 'platform.initReport'])(
    '%s records keep the real key order and value types, serialised compactly like real records',
    (type) => {
      const records = writtenOf('platform-json').filter((message) => parseJsonObject(message)?.type === type);
      expect(records.length).toBeGreaterThan(0);
      const sameType = realPlatformRecords.filter((shape) => shape.type === type);
      expect(sameType.length).toBeGreaterThan(0);
      for (const message of records) {
        const shape = shapeJsonRecord(parseJsonObject(message));
        expect(findOrderConflicts(shape.keys, sameType.map((real) => real.keys)).conflicts).toEqual([]);
        // Keys real records of this type never carry (initReport `status`/`errorType`, report `errorType`)
        // are checked against the other platform.* records (report, restoreReport) that do.
        const acrossTypes = findOrderConflicts(shape.keys, realPlatformRecords.map((real) => real.keys));
        expect(acrossTypes.conflicts).toEqual([]);
        expect(acrossTypes.unknown).toEqual([]);
        for (const key of shape.keys) {
          const owners = sameType.some((real) => key in real.types) ? sameType : realPlatformRecords;
          const realTypes = new Set(owners.flatMap((real) => (key in real.types ? [real.types[key]] : [])));
          expect(realTypes, key).toContain(shape.types[key]);
        }
        expect(message).toBe(JSON.stringify(JSON.parse(message)));
      }
      // Real Telemetry API bodies are compact (`{"time":"…","type":…}`), unlike the json.dumps-built Datadog constants.
      const compactReal = corpus.filter((real) => classifyLine(real.text) === 'platform-json' && real.text === JSON.stringify(real.json));
      expect(compactReal.length).toBeGreaterThan(0);
    },
  );

  // FORMATS.md §0.5 [D2]: LogFormat applies to system and application logs alike.
  test('a JSON-format function writes only JSON records, no Text platform lines', () => {
    const kinds = new Set(written.filter((event) => event.scenario.format === 'JSON').map((event) => event.kind));
    expect([...kinds].sort()).toEqual(['app-json', 'platform-json']);
  });

  describe('Node.js application lines', () => {
    const textLines = () => writtenOf('node-app', (scenario) => scenario.format === 'Text');

    test('console lines have the real four tab-separated columns, with `\\r` for newlines inside a message', () => {
      const reference = new Set([...canonicalShapes('node-app')].map(withoutLineEnd));
      const shapes = new Set(textLines().map((line) => withoutLineEnd(shapeOf(line))));
      expect(shapes).toContain('<ts>\t<id>\tINFO\t<text>');
      expect(shapes).toContain('<ts>\t<id>\tINFO\t<text>(\\r<text>)+');
      const plain = [...shapes].filter((shape) => !shape.includes(' \t{'));
      expect(plain.filter((shape) => !reference.has(shape))).toEqual([]);
    });

    // The real Invoke Error line is in the masked Datadog log (tabs real, values XXXX).
    test('Invoke Error lines: the label, exactly one space, a tab, then {errorType, errorMessage, stack}', () => {
      const lines = textLines().filter((line) => line.includes('\tInvoke Error'));
      expect(lines.length).toBeGreaterThan(0);
      const reference = [...allShapes('node-app')].filter((shape) => shape.includes('Invoke Error'));
      expect(reference.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).toContain('\tERROR\tInvoke Error \t{');
        const shape = withoutLineEnd(shapeOf(line));
        expect(reference.some((real) => matchesShape(shape, real))).toBe(true);
      }
    });

    /*
     * No real Uncaught Exception line is in the corpus. Its grammar is checked piecewise: the
     * request-id column of an INIT-phase line is `undefined` (embr-insights "Loading function"),
     * and the label-space-tab-JSON part is the real Invoke Error one with another label (FORMATS.md §2.1 [R1]).
     */
    test('Uncaught Exception during INIT: request id "undefined", then the Invoke Error grammar', () => {
      const lines = textLines().filter((line) => line.includes('\tUncaught Exception'));
      expect(lines.length).toBeGreaterThan(0);
      const invokeErrors = [...allShapes('node-app')].filter((shape) => shape.includes('Invoke Error'));
      expect(canonicalShapes('node-app')).toContain('<ts>\tundefined\tINFO\t<text>\n');
      for (const line of lines) {
        const shape = withoutLineEnd(shapeOf(line));
        expect(shape.startsWith('<ts>\tundefined\tERROR\tUncaught Exception \t{')).toBe(true);
        const asInvokeError = shape.replace('\tundefined\t', '\t<id>\t').replace('Uncaught Exception', 'Invoke Error');
        expect(invokeErrors.some((real) => matchesShape(asInvokeError, real))).toBe(true);
      }
    });

    // Every real Node console event ends with `\n` (embr-insights, the Datadog invocation snapshot,
    // aws-sdk-react-express-node-fe, the docs' get-log-events output); the emulator once dropped it.
    test('console lines end with `\\n` like every real CloudWatch event', () => {
      const reference = canonicalShapes('node-app');
      const lines = textLines().filter((line) => !line.includes(' \t{'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.map(shapeOf).filter((shape) => !reference.has(shape))).toEqual([]);
    });

    // The only real JSON application record is an issue reporter's pretty-printed copy (gh-issue-aws-durable-execution-sdk-js-305.log).
    test('JSON-format records keep the real key order {timestamp, level, requestId, message} and value types', () => {
      const records = writtenOf('app-json', (scenario) => scenario.runtime === 'nodejs20.x').map((message) => shapeJsonRecord(parseJsonObject(message)));
      const real = realOf('app-json').flatMap((message) => (message.json ? [shapeJsonRecord(message.json)] : []));
      expect(real.length).toBeGreaterThan(0);
      const realTopKeys = real.map((shape) => shape.keys.filter((key) => !key.includes('.')));
      const objectMessage = records.find((shape) => shape.types.message === '<obj>');
      expect(objectMessage?.keys.filter((key) => !key.includes('.'))).toEqual(realTopKeys[0]);
      for (const shape of records) {
        const top = shape.keys.filter((key) => !key.includes('.') && !key.includes('['));
        const order = findOrderConflicts(top, realTopKeys);
        expect(order.conflicts).toEqual([]);
        // Error records add these (FORMATS.md §4.2 [R1]); INIT-phase records have no requestId.
        expect(order.unknown.filter((key) => !['errorType', 'errorMessage', 'stackTrace'].includes(key))).toEqual([]);
        for (const key of top.filter((candidate) => candidate !== 'message' && real.some((realShape) => candidate in realShape.types))) {
          expect(real.map((realShape) => realShape.types[key]), key).toContain(shape.types[key]);
        }
      }
    });
  });

  describe('Python application lines', () => {
    // The corpus has Python logging lines only in a pasted log with a viewer timestamp (tabs intact, no event ends).
    test('logging lines have the real [LEVEL]\\t<ts>\\t<id>\\t<message> columns', () => {
      const lines = writtenOf('python-app');
      expect(lines.length).toBeGreaterThan(0);
      const reference = allShapes('python-app');
      expect(lines.map((line) => withoutLineEnd(shapeOf(line))).filter((shape) => !reference.has(shape))).toEqual([]);
    });

    /*
     * The only real traceback is a pasted copy: its `\r` line breaks became line breaks and its U+00A0
     * indentation became spaces. Compared after the same two changes; the characters themselves are
     * checked against FORMATS.md §2.2 [R2 bootstrap.py ERROR_LOG_LINE_TERMINATE, ERROR_LOG_IDENT].
     */
    test('unhandled errors: `[ERROR] Type: message`, Traceback and frames in one event, as the real copy shows', () => {
      const lines = writtenOf('python-error');
      expect(lines.length).toBeGreaterThan(0);
      const reference = allShapes('python-error');
      for (const line of lines) {
        // One event: its only `\n` is the line end stdout delivers; the pasted copy has none.
        expect(line.endsWith('\n')).toBe(true);
        const body = line.slice(0, -1);
        const asPasted = body.replaceAll('\r', '\n').replaceAll('\u00a0', ' ');
        expect(reference).toContain(shapeOf(asPasted));
        expect(body).not.toContain('\n');
        expect(line).toMatch(/\rTraceback \(most recent call last\):\r\u00a0\u00a0File "/);
      }
    });
  });
});
