import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { AppError, NotFoundError } from '../../lib/errors';
import { estimateCost } from '../../lib/metrics/estimate-cost';
import { getFunctionDetail } from '../../lib/metrics/get-function-detail';
import { getFunctionSeries } from '../../lib/metrics/get-function-series';
import { listFunctionInvocations, type FunctionInvocationsOptions } from '../../lib/metrics/list-function-invocations';
import { listFunctionSparklines } from '../../lib/metrics/list-function-sparklines';
import { listFunctionSummaries } from '../../lib/metrics/list-function-summaries';
import { listLogLines } from '../../lib/metrics/list-log-lines';
import { searchEverything } from '../../lib/metrics/search-everything';
import { writeMetricMinutes } from '../../lib/store/write-metric-minutes';
import { createLineWriter, createSeededFunction, type Line, type SeededFunction, type SeededFunctionOptions } from '../support/seed-log-lines';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let prisma: PrismaClient;

const MINUTE = 60_000;
/** Three hours ago on an hour boundary: every bucket width up to an hour starts there. */
const T = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
const iso = (at: number) => new Date(at).toISOString();

type Fn = SeededFunction;

const createFunction = (sourceId: number, name: string, options: SeededFunctionOptions = {}) =>
  createSeededFunction(prisma, sourceId, name, { region: 'eu-west-1', runtime: 'nodejs20.x', ...options });
let writeLines: ReturnType<typeof createLineWriter>;
const write = (fn: Fn, lines: Line[]) => writeLines(fn, lines);


const stream = (environment: string) => `2026/01/01/[$LATEST]${environment}`;
const start = (id: string, version = '$LATEST') => `START RequestId: ${id} Version: ${version}\n`;
const info = (at: number, id: string, text: string) => `${iso(at)}\t${id}\tINFO\t${text}\n`;
const failure = (at: number, id: string, type: string, message: string) =>
  `${iso(at)}\t${id}\tERROR\tInvoke Error \t{"errorType":"${type}","errorMessage":"${message}","stack":["${type}: ${message}"]}\n`;
const report = (id: string, durationMs: number, extra = '') =>
  `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: 1024 MB\tMax Memory Used: 71 MB\t${extra}\n`;
/** One finished attempt: START, a line of its own, REPORT. */
const attempt = (environment: string, at: number, id: string, durationMs: number, options: { extra?: string; version?: string; text?: string } = {}): Line[] => [
  [stream(environment), at, start(id, options.version)],
  [stream(environment), at + 1, info(at + 1, id, options.text ?? `working on ${id}`)],
  [stream(environment), at + Math.ceil(durationMs) + 1, report(id, durationMs, options.extra)],
];

const TRACE = '1-5759e988-bd862e3fe1be46a994272793';
const retried = 'b0000000-0000-4000-8000-00000000000b';
const coldOne = 'a0000000-0000-4000-8000-00000000000a';
const timedOut = 'c0000000-0000-4000-8000-00000000000c';
const versioned = 'd0000000-0000-4000-8000-00000000000d';
let busy: Fn;
let idle: Fn;
let tail: Fn;

beforeAll(async () => {
  database = await createTestDatabase('metrics_read');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  writeLines = createLineWriter(prisma, T);
  const sourceId = (await prisma.source.create({ data: { name: 'ireland', kind: 'aws', region: 'eu-west-1' } })).id;
  busy = await createFunction(sourceId, 'rm-busy', { memorySizeMB: 1024, architecture: 'arm64', reservedConcurrency: 5 });
  idle = await createFunction(sourceId, 'rm-idle');
  tail = await createFunction(sourceId, 'rm-tail');

  // Minute 0: a cold start (Init Duration 200 ms). Minute 1: a request fails; its retry succeeds in
  // minute 2 in another environment. Minute 2 also: a timeout. Minute 5: 100 requests of 1…100 ms.
  // Minute 20: one on version 3, traced.
  await write(busy, [
    ...attempt('e1', T + 10_000, coldOne, 30, { extra: 'Init Duration: 200.00 ms\t' }),
    [stream('e1'), T + MINUTE, start(retried)],
    [stream('e1'), T + MINUTE + 5, failure(T + MINUTE + 5, retried, 'CardDeclined', 'card declined')],
    [stream('e1'), T + MINUTE + 10, report(retried, 9)],
  ]);
  await write(busy, [
    ...attempt('e2', T + 2 * MINUTE, retried, 20, { extra: 'Init Duration: 100.00 ms\t', text: 'charging card 100% of_total' }),
    [stream('e1'), T + 2 * MINUTE + 500, start(timedOut)],
    [stream('e1'), T + 2 * MINUTE + 3_500, report(timedOut, 3000, 'Status: timeout\t')],
  ]);
  const hundred: Line[] = [];
  for (let i = 1; i <= 100; i += 1) hundred.push(...attempt('e3', T + 5 * MINUTE + i * 500, `hundred-${String(i).padStart(3, '0')}`, i));
  await write(busy, hundred);
  await write(busy, attempt('e4', T + 20 * MINUTE, versioned, 50, { version: '3', extra: `XRAY TraceId: ${TRACE}\tSegmentId: 0a1b2c3d4e5f6789\tSampled: true\t` }));
  await writeMetricMinutes(prisma, [
    { functionId: busy.functionId, minute: new Date(T + MINUTE), throttles: 4, concurrentExecutions: 2 },
    { functionId: busy.functionId, minute: new Date(T + 2 * MINUTE), throttles: 1, concurrentExecutions: 3 },
    { functionId: busy.functionId, minute: new Date(T + 7 * MINUTE), throttles: 0, concurrentExecutions: 0 },
  ]);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test('series over 15 minutes: one point a minute, gaps filled, percentiles from the merged histograms', async () => {
  const series = await getFunctionSeries(prisma, { functionId: busy.functionId, range: { since: new Date(T), until: new Date(T + 15 * MINUTE) } });
  expect(series.function).toMatchObject({ id: busy.functionId, name: 'rm-busy', memorySizeMB: 1024, timeoutSeconds: 3, architecture: 'arm64', region: 'eu-west-1', reservedConcurrency: 5 });
  expect(series.bucketMs).toBe(MINUTE);
  expect(series.points.map((point) => point.start)).toEqual(Array.from({ length: 15 }, (_, index) => iso(T + index * MINUTE)));
  const [m0, m1, m2, m3, , m5, , m7] = series.points;
  expect(m0).toMatchObject({ invocations: 1, errors: 0, coldStarts: 1, averageInitDurationMs: 200, maxMemoryUsedMB: 71, throttles: 0, maxConcurrency: null });
  expect(m1).toMatchObject({ invocations: 1, errors: 1, retries: 0, throttles: 4, maxConcurrency: 2 });
  expect(m2).toMatchObject({ invocations: 2, errors: 1, timeouts: 1, retries: 1, coldStarts: 1, averageInitDurationMs: 100, throttles: 1, maxConcurrency: 3 });
  expect(m3).toEqual({
    start: iso(T + 3 * MINUTE), invocations: 0, errors: 0, timeouts: 0, outOfMemory: 0, throttles: 0, coldStarts: 0, retries: 0,
    durationMs: { p50: null, p95: null, p99: null }, averageInitDurationMs: null, maxMemoryUsedMB: null, maxConcurrency: null, costUsd: 0,
  });
  expect(m5?.invocations).toBe(100);
  // Nearest-rank percentiles of 1…100 ms are 50, 95 and 99 ms; the histogram answers within 1 %.
  for (const [key, exact] of [['p50', 50], ['p95', 95], ['p99', 99]] as const) {
    expect(Math.abs((m5?.durationMs[key] ?? 0) - exact) / exact).toBeLessThanOrEqual(0.01);
  }
  expect(m5?.costUsd).toBeCloseTo(estimateCost({ requests: 100, gbSeconds: 5050 / 1000, architecture: 'arm64', region: 'eu-west-1' }).totalUsd, 12);
  expect(m7).toMatchObject({ invocations: 0, maxConcurrency: 0 });
});

test('series over 6 hours: five-minute buckets that add up to the function summary', async () => {
  const range = { since: new Date(T), until: new Date(T + 6 * 3_600_000) };
  const series = await getFunctionSeries(prisma, { functionId: busy.functionId, range });
  expect(series.bucketMs).toBe(5 * MINUTE);
  expect(series.points).toHaveLength(72);
  const [first, second, , , fifth] = series.points;
  expect(first).toMatchObject({ start: iso(T), invocations: 4, errors: 2, timeouts: 1, retries: 1, coldStarts: 2, throttles: 5, maxConcurrency: 3, averageInitDurationMs: 150 });
  // One bucket holding every duration 9, 20, 30 and 3000 ms: the p99 is the timeout.
  expect(Math.abs((first?.durationMs.p99 ?? 0) - 3000) / 3000).toBeLessThanOrEqual(0.01);
  expect(second).toMatchObject({ start: iso(T + 5 * MINUTE), invocations: 100 });
  expect(fifth).toMatchObject({ start: iso(T + 20 * MINUTE), invocations: 1 });
  const { functions } = await listFunctionSummaries(prisma, range);
  const summary = functions.find((candidate) => candidate.function.id === busy.functionId);
  const sum = (pick: (point: (typeof series.points)[number]) => number) => series.points.reduce((total, point) => total + pick(point), 0);
  expect(summary).toMatchObject({ invocations: sum((point) => point.invocations), errors: sum((point) => point.errors), throttles: sum((point) => point.throttles) });
  expect(sum((point) => point.costUsd)).toBeCloseTo(summary?.cost.totalUsd ?? -1, 12);
});

test('series over 2 days: read in two halves split on a bucket boundary, each bucket whole', async () => {
  // The middle of this range is T + 15 min: the 15-minute buckets at T and T + 15 min fall in different halves.
  const range = { since: new Date(T + 15 * MINUTE - 24 * 3_600_000), until: new Date(T + 15 * MINUTE + 24 * 3_600_000) };
  const series = await getFunctionSeries(prisma, { functionId: busy.functionId, range });
  expect(series.bucketMs).toBe(15 * MINUTE);
  expect(series.points).toHaveLength(192);
  const at = (ms: number) => series.points.find((point) => point.start === iso(ms));
  expect(at(T)).toMatchObject({ invocations: 104, errors: 2, throttles: 5, maxConcurrency: 3 });
  expect(at(T + 15 * MINUTE)).toMatchObject({ invocations: 1, errors: 0 });
  // 1…100 ms and 9, 20, 30, 3000 ms: the 103rd of 104 is 100 ms.
  expect(Math.abs((at(T)?.durationMs.p99 ?? 0) - 100) / 100).toBeLessThanOrEqual(0.01);
  expect(series.points.reduce((total, point) => total + point.invocations, 0)).toBe(105);
});

test('series: a range starting inside a bucket counts only the minutes it covers; an unknown function is a NotFoundError', async () => {
  const series = await getFunctionSeries(prisma, { functionId: busy.functionId, range: { since: new Date(T + 2 * MINUTE + 30_000), until: new Date(T + 6 * 3_600_000) } });
  expect(series.points[0]).toMatchObject({ start: iso(T), invocations: 2, errors: 1 });
  await expect(getFunctionSeries(prisma, { functionId: 987_654, range: { since: new Date(T), until: new Date(T + MINUTE) } })).rejects.toThrow(NotFoundError);
  await expect(getFunctionSeries(prisma, { functionId: 987_654, range: { since: new Date(T), until: new Date(T + MINUTE) } })).rejects.toMatchObject({ field: 'functionId', status: 404 });
});

test('sparklines: every function with data, invocations and errors per slot, in one query', async () => {
  const sparklines = await listFunctionSparklines(prisma, { range: { since: new Date(T), until: new Date(T + 10 * MINUTE) }, points: 5 });
  expect(sparklines.get(busy.functionId)).toEqual({ invocations: [2, 2, 100, 0, 0], errors: [1, 1, 0, 0, 0] });
  expect(sparklines.has(idle.functionId)).toBe(false);
  const shifted = await listFunctionSparklines(prisma, { range: { since: new Date(T + 30_000), until: new Date(T + 21 * MINUTE) }, points: 3 });
  expect(shifted.get(busy.functionId)).toEqual({ invocations: [104, 0, 1], errors: [2, 0, 0] });
  await expect(listFunctionSparklines(prisma, { range: { since: new Date(T), until: new Date(T + MINUTE) }, points: 0 })).rejects.toMatchObject({ code: 'validation', field: 'points' });
});

test('invocations: newest first, each with its outcome, last attempt and last failure', async () => {
  const page = await listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 200 });
  expect(page.nextCursor).toBeNull();
  expect(page.items).toHaveLength(104);
  expect(page.items.slice(0, 2).map((item) => item.requestId)).toEqual([versioned, 'hundred-100']);
  expect(page.items.slice(-3).map((item) => item.requestId)).toEqual([timedOut, retried, coldOne]);
  const byId = new Map(page.items.map((item) => [item.requestId, item]));
  expect(byId.get(retried)).toEqual({
    requestId: retried, attemptCount: 2, firstStartAt: new Date(T + MINUTE), lastEndAt: new Date(T + 2 * MINUTE + 21), finalStatus: 'success',
    outcome: 'succeeded after 1 retry', durationMs: 20, coldStart: true, version: '$LATEST', errorType: 'CardDeclined', errorMessage: 'card declined',
  });
  expect(byId.get(timedOut)).toMatchObject({ attemptCount: 1, finalStatus: 'timeout', outcome: 'timed out', durationMs: 3000, coldStart: false, errorType: 'Sandbox.Timedout' });
  expect(byId.get(versioned)).toMatchObject({ version: '3', errorType: null, errorMessage: null, outcome: 'succeeded' });
});

test('invocations: cursor pages cover the list exactly once; filters narrow it', async () => {
  const all = (await listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 200 })).items.map((item) => item.requestId);
  const paged: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 7, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(7);
    paged.push(...page.items.map((item) => item.requestId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(paged).toEqual(all);

  const ids = async (filters: Omit<FunctionInvocationsOptions, 'functionId' | 'limit'>) =>
    (await listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 200, ...filters })).items.map((item) => item.requestId);
  expect(await ids({ status: 'failed' })).toEqual([timedOut]);
  expect(await ids({ status: 'timeout' })).toEqual([timedOut]);
  expect(await ids({ status: 'error' })).toEqual([]);
  expect(await ids({ retried: true })).toEqual([retried]);
  expect((await ids({ retried: false })).length).toBe(103);
  expect(await ids({ coldStart: true })).toEqual([retried, coldOne]);
  expect((await ids({ coldStart: false })).length).toBe(102);
  expect(await ids({ version: '3' })).toEqual([versioned]);
  expect(await ids({ range: { since: new Date(T), until: new Date(T + 2 * MINUTE) } })).toEqual([retried, coldOne]);
  expect(await ids({ range: { since: new Date(T), until: new Date(T + 5 * MINUTE) }, retried: false, coldStart: false })).toEqual([timedOut]);
  expect(await listFunctionInvocations(prisma, { functionId: idle.functionId, limit: 10 })).toEqual({ items: [], nextCursor: null });
});

test('invocations: a malformed cursor or limit is a validation error naming it', async () => {
  await expect(listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 10, cursor: 'garbage' })).rejects.toThrow(AppError);
  await expect(listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 10, cursor: 'garbage' })).rejects.toMatchObject({ code: 'validation', field: 'cursor' });
  await expect(listFunctionInvocations(prisma, { functionId: busy.functionId, limit: 0 })).rejects.toMatchObject({ code: 'validation', field: 'limit' });
});

test('function detail: its configuration and source; an unknown id is a NotFoundError', async () => {
  const detail = await getFunctionDetail(prisma, busy.functionId);
  expect(detail).toMatchObject({
    id: busy.functionId, name: 'rm-busy', arn: 'arn:aws:lambda:eu-west-1:000000000000:function:rm-busy', runtime: 'nodejs20.x', memorySizeMB: 1024,
    timeoutSeconds: 3, architecture: 'arm64', reservedConcurrency: 5, provisionedConcurrency: null, logFormat: 'Text', logGroupName: '/aws/lambda/rm-busy',
    maxRetryAttempts: null, onFailureDestination: null, deadLetterTarget: null, deleted: false, deletedAt: null, source: { name: 'ireland', kind: 'aws', region: 'eu-west-1' },
  });
  await expect(getFunctionDetail(prisma, 987_654)).rejects.toMatchObject({ code: 'not_found', field: 'functionId' });
});

test('tail: the newest lines, then only what arrived since — a late line included — oldest first', async () => {
  const now = Date.now();
  const empty = await listLogLines(prisma, { functionId: tail.functionId, limit: 3 });
  expect(empty.lines).toEqual([]);

  await write(tail, attempt('t1', now - 5_000, 'tail-1', 10));
  const caughtUp = await listLogLines(prisma, { functionId: tail.functionId, after: empty.cursor, limit: 100 });
  expect(caughtUp.lines.map((line) => line.kind)).toEqual(['start', 'app', 'report']);

  await write(tail, attempt('t1', now - 2_000, 'tail-2', 10));
  const first = await listLogLines(prisma, { functionId: tail.functionId, limit: 3 });
  expect(first.lines.map((line) => [line.requestId, line.kind])).toEqual([['tail-2', 'start'], ['tail-2', 'app'], ['tail-2', 'report']]);
  expect(first.lines[0]).toMatchObject({ timestamp: new Date(now - 2_000), logStreamName: stream('t1'), message: start('tail-2') });
  expect(first.cursor).toBe(first.lines[2]?.cursor);

  // Another environment flushes later: its line is older than the newest shown, and still arrives.
  await write(tail, [[stream('t2'), now - 3_000, info(now - 3_000, 'tail-late', 'flushed late')], ...attempt('t1', now - 1_000, 'tail-3', 10)]);
  const next = await listLogLines(prisma, { functionId: tail.functionId, after: first.cursor, limit: 2 });
  expect(next.lines.map((line) => line.requestId)).toEqual(['tail-late', 'tail-3']);
  const rest = await listLogLines(prisma, { functionId: tail.functionId, after: next.cursor, limit: 100 });
  expect(rest.lines.map((line) => line.kind)).toEqual(['app', 'report']);
  const quiet = await listLogLines(prisma, { functionId: tail.functionId, after: rest.cursor, limit: 100 });
  expect(quiet).toEqual({ lines: [], cursor: rest.cursor });

  // Lines older than the window are history, not tail.
  const later = await listLogLines(prisma, { functionId: tail.functionId, limit: 100, now: new Date(now + 60 * MINUTE) });
  expect(later.lines).toEqual([]);
  await expect(listLogLines(prisma, { functionId: tail.functionId, after: 'nope', limit: 10 })).rejects.toMatchObject({ code: 'validation', field: 'after' });
});

test('search: blank, a request id, a trace id, else text in the last day', async () => {
  const now = new Date();
  expect(await searchEverything(prisma, { query: '   ', now })).toEqual({ kind: 'empty' });
  expect(await searchEverything(prisma, { query: retried, now })).toEqual({ kind: 'request', requestId: retried });
  expect(await searchEverything(prisma, { query: ` ${retried.toUpperCase()} `, now })).toEqual({ kind: 'request', requestId: retried });

  for (const query of [TRACE, `Root=${TRACE};Parent=53995c3f42cd8ad8;Sampled=1`, TRACE.toUpperCase()]) {
    const trace = await searchEverything(prisma, { query, now });
    expect(trace).toMatchObject({ kind: 'trace', traceId: TRACE, attempts: [{ functionId: busy.functionId, functionName: 'rm-busy', requestId: versioned, status: 'success', durationMs: 50 }] });
  }
  expect(await searchEverything(prisma, { query: '1-00000000-000000000000000000000000', now })).toEqual({ kind: 'trace', traceId: '1-00000000-000000000000000000000000', attempts: [] });

  const text = await searchEverything(prisma, { query: 'WORKING ON hundred-09', now });
  expect(text.kind).toBe('text');
  if (text.kind !== 'text') return;
  // hundred-090 … hundred-099, newest first.
  expect(text.lines.map((line) => line.requestId)).toEqual(Array.from({ length: 10 }, (_, index) => `hundred-0${99 - index}`));
  expect(text.lines[0]).toMatchObject({ functionId: busy.functionId, functionName: 'rm-busy', logStreamName: stream('e3'), message: expect.stringContaining('working on hundred-099') });

  const capped = await searchEverything(prisma, { query: 'working on', now });
  expect(capped.kind === 'text' && capped.lines.length).toBe(50);
  const lines = async (query: string) => {
    const result = await searchEverything(prisma, { query, now });
    return result.kind === 'text' ? result.lines.map((line) => line.requestId) : result.kind;
  };
  expect(await lines('100%')).toEqual([retried]);
  expect(await lines('of_total')).toEqual([retried]);
  expect(await lines('f_t')).toEqual([retried]);
  expect(await lines('100%%')).toEqual([]);
  expect(await lines('_%_%_%_%_%_%_%_%_')).toEqual([]);
  expect(await lines('not-a-known-request-id')).toEqual([]);
  // A day later, these lines are out of reach.
  expect(await searchEverything(prisma, { query: 'working on', now: new Date(now.getTime() + 24 * 3_600_000) })).toEqual({ kind: 'text', query: 'working on', lines: [] });

  await expect(searchEverything(prisma, { query: 'x'.repeat(501), now })).rejects.toMatchObject({ code: 'validation', field: 'q' });
});
