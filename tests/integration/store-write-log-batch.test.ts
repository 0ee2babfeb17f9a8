import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import type { LogRecord } from '../../lib/lambda-logs/log-record';
import type { StoredEventInput } from '../../lib/store/store-types';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import { expectHoursToMatchMinutes, recountRollups, storedRollups } from '../support/recount-rollups';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let prisma: PrismaClient;
let sourceId: number;

beforeAll(async () => {
  database = await createTestDatabase('store');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: 'emulator', kind: 'emulator', region: 'us-east-1' } })).id;
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

/** A function of this test's own, with its log group's ingest state. */
async function createFunction(name: string) {
  const fn = await prisma.lambdaFunction.create({
    data: { sourceId, name, arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`, memorySizeMB: 1024, timeoutSeconds: 3, logGroupName: `/aws/lambda/${name}` },
  });
  const state = await prisma.logGroupState.create({
    data: { sourceId, logGroupName: fn.logGroupName, checkpointMs: 0n, backfillStartMs: 0n },
  });
  return { functionId: fn.id, stateId: state.id, logGroupName: fn.logGroupName };
}

type Line = [stream: string, timestamp: number, record: LogRecord];
let nextEventId = 0;

function events(functionId: number, lines: Line[]): StoredEventInput[] {
  return lines.map(([logStreamName, timestamp, record]) => ({
    eventId: String(10n ** 55n + BigInt((nextEventId += 1))),
    logStreamName,
    timestamp,
    record,
    message: JSON.stringify(record),
    functionId,
  }));
}

const T = Date.UTC(2026, 10, 22, 10, 0, 0);
const initStart: LogRecord = { kind: 'init-start', format: 'text' };
const start = (requestId: string): LogRecord => ({ kind: 'start', requestId, version: '$LATEST', format: 'text' });
const report = (requestId: string, extra: Partial<Extract<LogRecord, { kind: 'report' }>> = {}): LogRecord => ({
  kind: 'report', format: 'text', requestId, durationMs: 100, billedDurationMs: 100, memorySizeMB: 1024, maxMemoryUsedMB: 70, ...extra,
});

async function write(fn: { functionId: number; stateId: number; logGroupName: string }, batch: StoredEventInput[], checkpointMs = T) {
  return writeLogBatch(prisma, { sourceId, logGroupName: fn.logGroupName, logGroupStateId: fn.stateId, events: batch, checkpointMs });
}

async function rollups(functionId: number) {
  const rows = await prisma.functionMinute.findMany({ where: { functionId }, orderBy: { minute: 'asc' } });
  return rows.map(({ minute, invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs }) => ({
    minute: minute.toISOString(), invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs,
  }));
}

/** The invariant: rollups equal a recount from the stored attempts; histograms count every finished attempt. */
async function expectRollupsToMatchRecount(functionId: number) {
  expect(await storedRollups(prisma, functionId)).toEqual(await recountRollups(prisma, functionId));
  await expectHoursToMatchMinutes(prisma, functionId);
  const histograms = await prisma.functionMinute.findMany({ where: { functionId } });
  for (const row of histograms) {
    const encoded = row.durationHistogram.split(',').map(Number);
    const counted = encoded.filter((_, index) => index > 0 && index % 2 === 0).reduce((sum, count) => sum + count, 0);
    expect(counted + (encoded[0] ?? 0)).toBe(row.invocations);
  }
}

test('a batch becomes attempts, invocations and minute rollups; the same batch again changes nothing', async () => {
  const fn = await createFunction('store-scenario');
  const batch = events(fn.functionId, [
    ['s1', T + 1, initStart],
    ['s1', T + 2, start('ok-1')],
    ['s1', T + 120, report('ok-1', { initDurationMs: 150 })],
    ['s1', T + 200, start('ok-2')],
    ['s1', T + 260, report('ok-2', { durationMs: 60 })],
    ['s2', T + 300, start('slow')],
    ['s2', T + 3_300, report('slow', { status: 'timeout', durationMs: 3000 })],
    ['s3', T + 61_000, start('boom')],
    ['s3', T + 61_010, { kind: 'app', runtime: 'node', format: 'text', requestId: 'boom', level: 'ERROR', message: 'Invoke Error', errorType: 'Error', errorMessage: 'boom' }],
    ['s3', T + 61_020, report('boom', { durationMs: 20 })],
  ]);
  expect(await write(fn, batch, T + 60_000)).toMatchObject({ inserted: 10, duplicates: 0 });
  expect(await rollups(fn.functionId)).toEqual([
    { minute: new Date(T).toISOString(), invocations: 3, errors: 1, timeouts: 1, outOfMemory: 0, coldStarts: 1, retries: 0, durationSumMs: 3160 },
    { minute: new Date(T + 60_000).toISOString(), invocations: 1, errors: 1, timeouts: 0, outOfMemory: 0, coldStarts: 0, retries: 0, durationSumMs: 20 },
  ]);
  const attempts = await prisma.attempt.findMany({ where: { functionId: fn.functionId }, orderBy: { startedAt: 'asc' } });
  expect(attempts.map((attempt) => [attempt.requestId, attempt.status, attempt.coldStart])).toEqual([
    ['ok-1', 'success', true],
    ['ok-2', 'success', false],
    ['slow', 'timeout', false],
    ['boom', 'error', false],
  ]);
  expect(attempts[3]).toMatchObject({ errorType: 'Error', errorMessage: 'boom' });

  const before = await rollups(fn.functionId);
  expect(await write(fn, batch, T + 60_000)).toMatchObject({ inserted: 0, duplicates: 10 });
  expect(await rollups(fn.functionId)).toEqual(before);
  expect(await prisma.attempt.count({ where: { functionId: fn.functionId } })).toBe(4);
  const state = await prisma.logGroupState.findUniqueOrThrow({ where: { id: fn.stateId } });
  expect(state).toMatchObject({ checkpointMs: BigInt(T + 60_000), eventsIngested: 10n });
  await expectRollupsToMatchRecount(fn.functionId);
});

test('an attempt spans batches; a timeout line after its REPORT moves only the outcome counts', async () => {
  const fn = await createFunction('store-spanning');
  await write(fn, events(fn.functionId, [['s1', T + 1, start('late')], ['s1', T + 5, { kind: 'app', runtime: 'node', format: 'text', requestId: 'late', level: 'INFO', message: 'working' }]]));
  expect(await rollups(fn.functionId)).toEqual([]);
  expect(await prisma.attempt.findFirst({ where: { functionId: fn.functionId } })).toMatchObject({ status: 'running' });

  await write(fn, events(fn.functionId, [['s1', T + 3_000, report('late', { durationMs: 3000 })]]));
  expect(await rollups(fn.functionId)).toMatchObject([{ invocations: 1, errors: 0, timeouts: 0 }]);

  await write(fn, events(fn.functionId, [['s1', T + 3_001, { kind: 'timeout', requestId: 'late', timeoutSeconds: 3 }]]));
  expect(await rollups(fn.functionId)).toMatchObject([{ invocations: 1, errors: 1, timeouts: 1, durationSumMs: 3000 }]);
  expect(await prisma.attempt.count({ where: { functionId: fn.functionId } })).toBe(1);
  await expectRollupsToMatchRecount(fn.functionId);
});

test('async retries under one request id, in new environments: one invocation of three attempts', async () => {
  const fn = await createFunction('store-retries');
  const failing = (stream: string, at: number): Line[] => [
    [stream, at, initStart],
    [stream, at + 1, start('retried')],
    [stream, at + 5, { kind: 'runtime-exit', requestId: 'retried', reason: 'exit status 1', errorType: 'Runtime.ExitError', exitStatus: 1, outOfMemory: false }],
    [stream, at + 6, report('retried', { status: 'error', errorType: 'Runtime.ExitError', durationMs: 5, initDurationMs: 40 })],
  ];
  await write(fn, events(fn.functionId, failing('env-1', T)));
  await write(fn, events(fn.functionId, failing('env-2', T + 60_000)));
  await write(fn, events(fn.functionId, failing('env-3', T + 180_000)));
  const invocation = await prisma.invocation.findUniqueOrThrow({ where: { functionId_requestId: { functionId: fn.functionId, requestId: 'retried' } } });
  expect(invocation).toMatchObject({ attemptCount: 3, finalStatus: 'crashed' });
  const totals = (await rollups(fn.functionId)).reduce((sum, row) => ({ invocations: sum.invocations + row.invocations, retries: sum.retries + row.retries, errors: sum.errors + row.errors }), { invocations: 0, retries: 0, errors: 0 });
  expect(totals).toEqual({ invocations: 3, retries: 2, errors: 3 });
  await expectRollupsToMatchRecount(fn.functionId);
});

test('concurrent writers of overlapping batches: every event once, rollups equal the recount', async () => {
  const fn = await createFunction('store-concurrent');
  const lines: Line[] = [];
  for (let i = 0; i < 120; i += 1) {
    const stream = `env-${i % 6}`;
    const at = T + i * 1_000;
    if (i < 6) lines.push([stream, at - 1, initStart]);
    lines.push([stream, at, start(`req-${i}`)]);
    lines.push([stream, at + 50, report(`req-${i}`, { durationMs: 10 + (i % 17), ...(i < 6 ? { initDurationMs: 90 } : {}), ...(i % 9 === 0 ? { status: 'timeout' as const } : {}) })]);
  }
  const all = events(fn.functionId, lines);
  // Four workers, each with an overlapping half of the events, in its own order.
  const slices = [0, 1, 2, 3].map((worker) => all.filter((_, index) => (index + worker) % 4 !== 0 || index % 3 === worker % 3));
  await Promise.all(slices.map((slice, worker) => write(fn, worker % 2 === 0 ? slice : [...slice].reverse())));
  await write(fn, all);
  expect(await prisma.rawEvent.count({ where: { functionId: fn.functionId } })).toBe(all.length);
  expect(await prisma.attempt.count({ where: { functionId: fn.functionId } })).toBe(120);
  await expectRollupsToMatchRecount(fn.functionId);
});

describe('a retry counts in its own minute, whatever order its attempts arrive in', () => {
  const original = (stream: string): Line[] => [[stream, T + 1_000, start('ordered')], [stream, T + 1_100, report('ordered', { status: 'error', errorType: 'Runtime.ExitError' })]];
  const retry = (stream: string): Line[] => [[stream, T + 125_000, start('ordered')], [stream, T + 125_100, report('ordered')]];

  test.each([
    ['one batch, the retry’s stream sorting first', (fn: number) => [events(fn, [...original('z-first-env'), ...retry('a-second-env')])]],
    ['the retry a batch before its original', (fn: number) => [events(fn, retry('a-second-env')), events(fn, original('z-first-env'))]],
    [
      'the retry’s START and REPORT in different batches',
      (fn: number) => [events(fn, [...original('z-first-env'), [...retry('a-second-env')][0] as Line]), events(fn, [[...retry('a-second-env')][1] as Line])],
    ],
  ])('%s', async (_case, batches) => {
    const fn = await createFunction(uniqueFunctionName('store-order'));
    for (const batch of batches(fn.functionId)) await write(fn, batch);
    const rows = await rollups(fn.functionId);
    expect(rows.map((row) => [row.minute, row.invocations, row.retries])).toEqual([
      [new Date(T).toISOString(), 1, 0],
      [new Date(T + 120_000).toISOString(), 1, 1],
    ]);
    await expectRollupsToMatchRecount(fn.functionId);
  });
});

function uniqueFunctionName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
