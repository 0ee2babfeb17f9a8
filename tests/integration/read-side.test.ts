import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { NotFoundError } from '../../lib/errors';
import { estimateCost } from '../../lib/metrics/estimate-cost';
import { getRequestInvestigation } from '../../lib/metrics/get-request-investigation';
import { listFunctionSummaries } from '../../lib/metrics/list-function-summaries';
import { writeMetricMinutes } from '../../lib/store/write-metric-minutes';
import { createLineWriter, createSeededFunction, type Line, type SeededFunction, type SeededFunctionOptions } from '../support/seed-log-lines';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let prisma: PrismaClient;

/** Half an hour ago, on a minute boundary: inside `--since 1h`, and every attempt below in a known minute. */
const T = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
const iso = (at: number) => new Date(at).toISOString();

type Fn = SeededFunction;

async function createSource(name: string, region: string): Promise<number> {
  return (await prisma.source.create({ data: { name, kind: 'aws', region } })).id;
}

const createFunction = (sourceId: number, name: string, options: SeededFunctionOptions = {}) =>
  createSeededFunction(prisma, sourceId, name, { region: 'us-east-1', ...options });
let writeLines: ReturnType<typeof createLineWriter>;
const write = (fn: Fn, lines: Line[]) => writeLines(fn, lines);


const stream = (environment: string) => `2026/01/01/[$LATEST]${environment}`;
const initStart = 'INIT_START Runtime Version: nodejs:20.v32\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0123abcd\n';
const start = (id: string) => `START RequestId: ${id} Version: $LATEST\n`;
const end = (id: string) => `END RequestId: ${id}\n`;
const info = (at: number, id: string, text: string) => `${iso(at)}\t${id}\tINFO\t${text}\n`;
const report = (id: string, durationMs: number, extra = '', memorySizeMB = 1024) =>
  `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: ${memorySizeMB} MB\tMax Memory Used: 71 MB\t${extra}\n`;

const retried = 'a1b2c3d4-0000-4000-8000-00000000a001';
const other = 'a1b2c3d4-0000-4000-8000-00000000b002';
let flaky: Fn;
let steady: Fn;
let steadySourceId: number;

beforeAll(async () => {
  database = await createTestDatabase('read_side');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  writeLines = createLineWriter(prisma, T);
  const emulatorSource = await createSource('emulator', 'us-east-1');
  steadySourceId = await createSource('ireland', 'eu-west-1');
  const unpricedSource = await createSource('nowhere', 'xx-nowhere-9');
  flaky = await createFunction(emulatorSource, 'read-flaky');
  steady = await createFunction(steadySourceId, 'read-steady', { memorySizeMB: 512, architecture: 'arm64' });

  // The retried request: an error in env-1 (cold), a timeout in env-2 (cold), success back in env-1 (warm);
  // another request and an idle extension line in env-1 in between; attempts spread over three batches.
  const env1 = stream('env-1');
  const env2 = stream('env-2');
  await write(flaky, [
    [env1, T, initStart],
    [env1, T + 180, start(retried)],
    [env1, T + 190, info(T + 190, retried, 'charging card')],
    [env1, T + 205, `${iso(T + 205)}\t${retried}\tERROR\tInvoke Error \t{"errorType":"CardDeclined","errorMessage":"card declined","stack":["CardDeclined: card declined","    at charge (/var/task/index.mjs:7:11)"]}\n`],
    [env1, T + 210, end(retried)],
    [env1, T + 211, report(retried, 30, 'Init Duration: 178.00 ms\t')],
    [env1, T + 10_000, start(other)],
    [env1, T + 10_005, info(T + 10_005, other, 'not mine')],
    [env1, T + 10_010, end(other)],
    [env1, T + 10_011, report(other, 10)],
    [env1, T + 20_000, 'EXTENSION\tName: collector\tState: Ready\tEvents: [INVOKE, SHUTDOWN]\n'],
  ]);
  await write(flaky, [
    [env2, T + 60_000, initStart],
    [env2, T + 60_171, start(retried)],
    [env2, T + 60_200, info(T + 60_200, retried, 'charging card again')],
    [env2, T + 63_171, end(retried)],
    [env2, T + 63_172, report(retried, 3000, 'Init Duration: 170.00 ms\tStatus: timeout\t')],
    [env2, T + 63_173, `${iso(T + 63_173)} ${retried} Task timed out after 3.00 seconds\n`],
  ]);
  await write(flaky, [
    [env1, T + 180_000, start(retried)],
    [env1, T + 180_020, info(T + 180_020, retried, 'charged')],
    [env1, T + 180_040, end(retried)],
    [env1, T + 180_041, report(retried, 40, 'XRAY TraceId: 1-5e1b4151-5ac6c58f5b9dfb8d3c4a1b2c\tSegmentId: 0a1b2c3d4e5f6789\tSampled: true\t')],
  ]);

  // 100 requests of 1…100 ms, one cold start, in two minutes; two more an hour before the range.
  const steadyLines: Line[] = [[stream('s-1'), T + 5, initStart]];
  for (let i = 1; i <= 100; i += 1) {
    const at = T + i * 1_000;
    steadyLines.push([stream('s-1'), at, start(`steady-${i}`)], [stream('s-1'), at + i, report(`steady-${i}`, i, i === 1 ? 'Init Duration: 250.00 ms\t' : '', 512)]);
  }
  steadyLines.push([stream('s-1'), T - 3_600_000, start('steady-old')], [stream('s-1'), T - 3_599_000, report('steady-old', 999, '', 512)]);
  await write(steady, steadyLines);
  await writeMetricMinutes(prisma, [
    { functionId: steady.functionId, minute: new Date(T), throttles: 4, concurrentExecutions: 2 },
    { functionId: steady.functionId, minute: new Date(T + 60_000), throttles: 3, concurrentExecutions: 1 },
    { functionId: steady.functionId, minute: new Date(T - 3_600_000), throttles: 50, concurrentExecutions: 1 },
  ]);

  // Deleted functions: one with data in range (listed), one without (not listed); one in an unpriced region.
  const gone = await createFunction(emulatorSource, 'read-deleted-active', { deletedAt: new Date(T + 120_000) });
  await write(gone, [[stream('g-1'), T + 1, start('gone-1')], [stream('g-1'), T + 21, report('gone-1', 20)]]);
  await createFunction(emulatorSource, 'read-deleted-idle', { deletedAt: new Date(T - 86_400_000) });
  await createFunction(unpricedSource, 'read-unpriced');
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test('a request retried across streams: every attempt in order, with its gap, status and own log lines', async () => {
  const investigation = await getRequestInvestigation(prisma, retried);
  expect(investigation.functions).toHaveLength(1);
  const [found] = investigation.functions;
  expect(found?.function).toMatchObject({ name: 'read-flaky', deleted: false, source: { name: 'emulator', region: 'us-east-1' } });
  expect(found?.invocation).toEqual({
    attemptCount: 3, finalStatus: 'success', outcome: 'succeeded after 2 retries', firstStartAt: new Date(T + 180), lastEndAt: new Date(T + 180_041),
  });
  expect(found?.attempts.map(({ number, status, logStreamName, gapBeforeMs, coldStart, initDurationMs, initType, durationMs, billedDurationMs }) => ({
    number, status, logStreamName, gapBeforeMs, coldStart, initDurationMs, initType, durationMs, billedDurationMs,
  }))).toEqual([
    { number: 1, status: 'error', logStreamName: stream('env-1'), gapBeforeMs: null, coldStart: true, initDurationMs: 178, initType: 'on-demand', durationMs: 30, billedDurationMs: 30 },
    { number: 2, status: 'timeout', logStreamName: stream('env-2'), gapBeforeMs: 60_171 - 211, coldStart: true, initDurationMs: 170, initType: 'on-demand', durationMs: 3000, billedDurationMs: 3000 },
    { number: 3, status: 'success', logStreamName: stream('env-1'), gapBeforeMs: 180_000 - 63_172, coldStart: false, initDurationMs: null, initType: null, durationMs: 40, billedDurationMs: 40 },
  ]);
  const [first, second, third] = found?.attempts ?? [];
  expect(first).toMatchObject({
    startedAt: new Date(T + 180), memorySizeMB: 1024, maxMemoryUsedMB: 71, version: '$LATEST',
    error: { type: 'CardDeclined', message: 'card declined', stack: 'CardDeclined: card declined\n    at charge (/var/task/index.mjs:7:11)' },
  });
  expect(second?.error).toMatchObject({ type: 'Sandbox.Timedout' });
  expect(third).toMatchObject({ error: null, xrayTraceId: '1-5e1b4151-5ac6c58f5b9dfb8d3c4a1b2c' });
  const kinds = (attempt: typeof first) => attempt?.logLines.map((line) => line.kind);
  expect(kinds(first)).toEqual(['init-start', 'start', 'app', 'app', 'end', 'report']);
  expect(kinds(second)).toEqual(['init-start', 'start', 'app', 'end', 'report', 'timeout']);
  expect(kinds(third)).toEqual(['start', 'app', 'end', 'report']);
  expect(first?.logLines[2]).toMatchObject({ message: expect.stringContaining('charging card'), timestamp: new Date(T + 190), logStreamName: stream('env-1') });
  expect(found?.attempts.flatMap((attempt) => attempt.logLines).some((line) => /not mine|EXTENSION/.test(line.message))).toBe(false);
  expect(found?.unassignedLogLines).toEqual([]);
});

test('an unknown request id is a NotFoundError naming the field', async () => {
  await expect(getRequestInvestigation(prisma, 'no-such-request')).rejects.toThrow(NotFoundError);
  await expect(getRequestInvestigation(prisma, 'no-such-request')).rejects.toMatchObject({ code: 'not_found', field: 'requestId', status: 404 });
});

test('function summaries: counts, rates, percentiles and cost over the range, from the rollups', async () => {
  const { functions } = await listFunctionSummaries(prisma, { since: new Date(T), until: new Date(T + 10 * 60_000) });
  expect(functions.map((summary) => summary.function.name)).toEqual(['read-deleted-active', 'read-flaky', 'read-steady', 'read-unpriced']);
  const byName = new Map(functions.map((summary) => [summary.function.name, summary]));

  const flakySummary = byName.get('read-flaky');
  expect(flakySummary).toMatchObject({
    invocations: 4, errors: 2, errorRate: 50, timeouts: 1, outOfMemory: 0, throttles: 0, coldStarts: 2, coldStartRate: 50, retries: 2, averageInitDurationMs: 174, maxMemoryUsedMB: 71,
  });

  const steadySummary = byName.get('read-steady');
  expect(steadySummary).toMatchObject({
    function: { architecture: 'arm64', memorySizeMB: 512 }, source: { name: 'ireland', region: 'eu-west-1' },
    invocations: 100, errors: 0, errorRate: 0, throttles: 7, coldStarts: 1, coldStartRate: 1, retries: 0, averageInitDurationMs: 250,
  });
  // Nearest-rank percentiles of 1…100 ms are 50, 95 and 99 ms; the histogram answers within 1 %.
  expect(steadySummary?.durationMs.average).toBeCloseTo(50.5, 6);
  for (const [key, exact] of [['p50', 50], ['p95', 95], ['p99', 99]] as const) {
    expect(Math.abs((steadySummary?.durationMs[key] ?? 0) - exact) / exact).toBeLessThanOrEqual(0.01);
  }
  const gbSeconds = (5050 / 1000) * 0.5;
  expect(steadySummary?.billedGbSeconds).toBeCloseTo(gbSeconds, 9);
  expect(steadySummary?.cost).toEqual(estimateCost({ requests: 100, gbSeconds: steadySummary?.billedGbSeconds ?? 0, architecture: 'arm64', region: 'eu-west-1' }));
  expect(steadySummary?.cost.totalUsd).toBeCloseTo((100 / 1e6) * 0.2 + gbSeconds * 0.0000133334, 12);

  expect(byName.get('read-deleted-active')).toMatchObject({ function: { deleted: true }, invocations: 1 });
  expect(byName.get('read-unpriced')).toMatchObject({
    invocations: 0, errorRate: null, coldStartRate: null, durationMs: { average: null, p50: null, p95: null, p99: null }, averageInitDurationMs: null,
    cost: { totalUsd: 0, pricedRegion: 'us-east-1', note: expect.stringContaining('xx-nowhere-9') },
  });

  const older = await listFunctionSummaries(prisma, { since: new Date(T - 3_600_000), until: new Date(T - 3_540_000), sourceId: steadySourceId });
  expect(older.functions.map(({ function: fn, invocations, throttles }) => [fn.name, invocations, throttles])).toEqual([['read-steady', 1, 50]]);
});

const cli = path.resolve('bin/lambdascope.mjs');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('lambdascope request: JSON and a readable timeline; an unknown id exits 1', async () => {
  const json = await runCli(['request', retried, '--json']);
  expect(json).toMatchObject({ code: 0, stderr: '' });
  const parsed = JSON.parse(json.stdout) as { requestId: string; functions: Array<{ invocation: { outcome: string }; attempts: Array<{ number: number; status: string; gapBeforeMs: number | null; startedAt: string }> }> };
  expect(parsed.requestId).toBe(retried);
  expect(parsed.functions[0]?.invocation.outcome).toBe('succeeded after 2 retries');
  expect(parsed.functions[0]?.attempts.map(({ number, status, gapBeforeMs, startedAt }) => [number, status, gapBeforeMs, startedAt])).toEqual([
    [1, 'error', null, iso(T + 180)],
    [2, 'timeout', 59_960, iso(T + 60_171)],
    [3, 'success', 116_828, iso(T + 180_000)],
  ]);

  const text = await runCli(['request', retried]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`Request ${retried} in read-flaky`);
  expect(text.stdout).toContain('succeeded after 2 retries · 3 attempts · final status success');
  expect(text.stdout).toMatch(/Attempt 1 {2}ERROR {2}\S+ · 30 ms \(billed 30 ms\) · cold start on-demand, init 178 ms/);
  expect(text.stdout).toMatch(/Attempt 2 {2}TIMEOUT .* · 59\.96 s after attempt 1/);
  expect(text.stdout).toContain('error CardDeclined: card declined');
  expect(text.stdout).toMatch(/\n {4}\d\d:\d\d:\d\d\.\d{3} {2}.*Task timed out after 3\.00 seconds/);

  const missing = await runCli(['request', 'no-such-request']);
  expect(missing).toMatchObject({ code: 1, stdout: '' });
  expect(missing.stderr).toContain('No function has logged request no-such-request');

  const noId = await runCli(['request']);
  expect(noId.code).toBe(2);
  expect(noId.stderr).toContain('request id: required');
});

test('lambdascope functions: a table, JSON, and a bad --since exits 2 naming the flag', async () => {
  const json = await runCli(['functions', '--since', iso(T), '--json']);
  expect(json).toMatchObject({ code: 0, stderr: '' });
  const parsed = JSON.parse(json.stdout) as { since: string; functions: Array<{ function: { name: string }; invocations: number; retries: number }> };
  expect(parsed.since).toBe(iso(T));
  expect(parsed.functions.map(({ function: fn, invocations, retries }) => [fn.name, invocations, retries])).toEqual([
    ['read-deleted-active', 1, 0], ['read-flaky', 4, 2], ['read-steady', 100, 0], ['read-unpriced', 0, 0],
  ]);

  const table = await runCli(['functions', '--since', '1h']);
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/FUNCTION\s+INVOCATIONS\s+ERRORS\s+ERR%/);
  expect(table.stdout).toMatch(/read-flaky\s+4\s+2\s+50\.0%\s+1\s+0\s+0\s+2\s+50\.0%\s+2\s/);
  expect(table.stdout).toContain('read-deleted-active (deleted)');
  expect(table.stdout).toContain('* no prices for region xx-nowhere-9: priced as us-east-1');

  const bad = await runCli(['functions', '--since', 'last week']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("since: must be a duration like 15m, 1h, 24h or 7d, or an ISO time");
});
