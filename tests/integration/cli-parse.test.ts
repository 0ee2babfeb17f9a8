import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const cli = path.resolve('bin/lambdascope.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'lambdascope-parse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `lambdascope parse …` as a user would; stdin is `input`. */
function parse(args: string[], input = '') {
  const run = spawnSync(process.execPath, [cli, 'parse', ...args], { input, encoding: 'utf8', timeout: 30_000 });
  const records = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, records };
}

const id = '4dfec460-05bb-4f62-8fed-e5cade099a36';
const textLines = [
  'INIT_START Runtime Version: python:3.12.v30\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc',
  `START RequestId: ${id} Version: $LATEST`,
  `[INFO]\t2022-11-10T15:10:08.221Z\t${id}\thello`,
  `END RequestId: ${id}`,
  `REPORT RequestId: ${id}\tDuration: 0.97 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 37 MB\tInit Duration: 190.62 ms\t`,
  'something nobody understands',
];

test('a text file, one event per line, becomes one NDJSON record per line', () => {
  const file = path.join(scratch, 'events.log');
  writeFileSync(file, `${textLines.join('\n')}\n`);
  const { status, records, stderr } = parse([file]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(records.map((record) => record.kind)).toEqual(['init-start', 'start', 'app', 'end', 'report', 'plain']);
  expect(records[4]).toEqual({ kind: 'report', format: 'text', requestId: id, durationMs: 0.97, billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 37, initDurationMs: 190.62 });
  expect(records[5]).toEqual({ kind: 'plain', message: 'something nobody understands' });
});

test('standard input, with `-` or no file at all, and CRLF line ends', () => {
  for (const args of [['-'], []]) {
    const { status, records } = parse(args, textLines.join('\r\n'));
    expect(status).toBe(0);
    expect(records.map((record) => record.kind)).toEqual(['init-start', 'start', 'app', 'end', 'report', 'plain']);
    expect(records[3]).toEqual({ kind: 'end', requestId: id });
  }
});

test("the JSON of 'aws logs filter-log-events' is detected: each event's message is parsed, tabs and line ends intact", () => {
  // As the AWS CLI prints it: indented, events with logStreamName/eventId, the REPORT's X-Ray line inside the message.
  const output = JSON.stringify(
    {
      events: [
        { logStreamName: '2022/11/10/[$LATEST]26b6a45d574f442ea0a5c1a2d7c8b1a0', timestamp: 1668093008221, message: `START RequestId: ${id} Version: $LATEST\n`, ingestionTime: 1668093009000, eventId: '1' },
        {
          logStreamName: '2022/11/10/[$LATEST]26b6a45d574f442ea0a5c1a2d7c8b1a0',
          timestamp: 1668093008230,
          message: `REPORT RequestId: ${id}\tDuration: 0.97 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 37 MB\t\nXRAY TraceId: 1-636d12bb-42356e4e68523f1d0eb810e6\tSegmentId: 6e696167787807b9\tSampled: true\t\n`,
          ingestionTime: 1668093009000,
          eventId: '2',
        },
      ],
      searchedLogStreams: [],
    },
    null,
    4,
  );
  const { status, records } = parse(['-'], output);
  expect(status).toBe(0);
  expect(records).toEqual([
    { kind: 'start', requestId: id, version: '$LATEST', format: 'text' },
    { kind: 'report', format: 'text', requestId: id, durationMs: 0.97, billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 37, xrayTraceId: '1-636d12bb-42356e4e68523f1d0eb810e6', xraySegmentId: '6e696167787807b9', xraySampled: true },
  ]);
});

test("the JSON of 'aws logs get-log-events' from a file, JSON-format records inside", () => {
  const file = path.join(scratch, 'get-log-events.json');
  writeFileSync(
    file,
    JSON.stringify({
      events: [
        { timestamp: 1, message: '{"time":"2024-10-18T19:38:39.661Z","type":"platform.report","record":{"requestId":"b441820a","metrics":{"durationMs":30000.0},"status":"timeout"}}', ingestionTime: 2 },
      ],
      nextForwardToken: 'f/1',
      nextBackwardToken: 'b/1',
    }),
  );
  const { status, records } = parse([file]);
  expect(status).toBe(0);
  expect(records).toEqual([{ kind: 'report', format: 'json', requestId: 'b441820a', durationMs: 30000, status: 'timeout' }]);
});

test('a missing file is named in a clear error, exit 2, nothing on stdout', () => {
  const missing = path.join(scratch, 'no-such-file.log');
  const { status, stderr, stdout } = parse([missing]);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain(`cannot read '${missing}': no such file`);
});

test('--help prints the usage, exit 0; a second file is refused, exit 2', () => {
  const help = parse(['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Usage: lambdascope parse [file]');
  const two = parse(['a.log', 'b.log']);
  expect(two.status).toBe(2);
  expect(two.stderr).toContain('takes one file');
});
