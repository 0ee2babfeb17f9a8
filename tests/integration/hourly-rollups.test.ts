import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { listMigrations } from '../../lib/db/list-migrations';
import { defaultMigrationsDir, migrateDatabase } from '../../lib/db/migrate-database';
import { addSample, createHistogram, histogramPercentile } from '../../lib/histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../../lib/histogram/encode-histogram';
import type { LogRecord } from '../../lib/lambda-logs/log-record';
import { getFunctionSeries } from '../../lib/metrics/get-function-series';
import { listFunctionSummaries } from '../../lib/metrics/list-function-summaries';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import { writeMetricMinutes } from '../../lib/store/write-metric-minutes';
import { expectHoursToMatchMinutes } from '../support/recount-rollups';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 20, 0, 0, 0);

let database: TestDatabase;
let prisma: PrismaClient;
let sourceId: number;

beforeAll(async () => {
  database = await createTestDatabase('hourly');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: 'hourly', kind: 'emulator', region: 'us-east-1' } })).id;
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

async function createFunction(name: string) {
  const fn = await prisma.lambdaFunction.create({
    data: { sourceId, name, arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`, memorySizeMB: 512, timeoutSeconds: 3, logGroupName: `/aws/lambda/${name}` },
  });
  const state = await prisma.logGroupState.create({ data: { sourceId, logGroupName: fn.logGroupName, checkpointMs: 0n, backfillStartMs: 0n } });
  return { id: fn.id, stateId: state.id, logGroupName: fn.logGroupName };
}

/** Attempts every 7 minutes for 30 hours: one in five fails; durations 1 … 997 ms. */
function workload() {
  return Array.from({ length: (30 * 60) / 7 }, (_, index) => ({
    requestId: `hourly-${index}`,
    at: T + index * 7 * MINUTE + 13_000,
    durationMs: 1 + ((index * 37) % 997),
    failed: index % 5 === 0,
  }));
}

test('reads over ragged ranges, from whole hours and edge minutes, equal the attempts in range', async () => {
  const fn = await createFunction('hourly-reads');
  const attempts = workload();
  let eventId = 0;
  const record = (at: number, stream: string, value: LogRecord) => ({
    eventId: `hourly-${(eventId += 1)}`, logStreamName: stream, timestamp: at, record: value, message: JSON.stringify(value), functionId: fn.id,
  });
  const events = attempts.flatMap((attempt) => [
    record(attempt.at, 's', { kind: 'start', requestId: attempt.requestId, version: '$LATEST', format: 'text' }),
    record(attempt.at + attempt.durationMs, 's', {
      kind: 'report', format: 'text', requestId: attempt.requestId, durationMs: attempt.durationMs, billedDurationMs: attempt.durationMs,
      memorySizeMB: 512, maxMemoryUsedMB: 64, ...(attempt.failed ? { status: 'error' as const, errorType: 'Runtime.ExitError' } : {}),
    }),
  ]);
  // In batches that cross hour boundaries, as the worker writes them.
  for (let offset = 0; offset < events.length; offset += 50) {
    await writeLogBatch(prisma, { sourceId, logGroupName: fn.logGroupName, logGroupStateId: fn.stateId, events: events.slice(offset, offset + 50), checkpointMs: T });
  }
  await expectHoursToMatchMinutes(prisma, fn.id);
  await writeMetricMinutes(prisma, attempts.map((attempt) => ({ functionId: fn.id, minute: new Date(Math.floor(attempt.at / MINUTE) * MINUTE), throttles: 2, concurrentExecutions: 1 })));

  for (const [since, until] of [
    [T + 17 * MINUTE + 30_000, T + 13 * HOUR + 42 * MINUTE + 10_000],
    [T + 2 * HOUR, T + 26 * HOUR],
    [T + 59 * MINUTE, T + 2 * HOUR + MINUTE],
    [T + 5 * MINUTE, T + 50 * MINUTE],
  ] as const) {
    const inRange = attempts.filter((attempt) => attempt.at >= Math.floor(since / MINUTE) * MINUTE && attempt.at < until);
    const exact = createHistogram();
    for (const attempt of inRange) addSample(exact, attempt.durationMs);
    // As stored: the extremes are known only to their buckets.
    const histogram = decodeHistogramBuckets(encodeHistogramBuckets(exact));
    const [summary] = (await listFunctionSummaries(prisma, { since: new Date(since), until: new Date(until) })).functions.filter((row) => row.function.id === fn.id);
    expect(summary).toMatchObject({
      invocations: inRange.length,
      errors: inRange.filter((attempt) => attempt.failed).length,
      throttles: 2 * inRange.length,
      durationMs: { p50: histogramPercentile(histogram, 50), p95: histogramPercentile(histogram, 95), p99: histogramPercentile(histogram, 99) },
    });
    expect(summary?.durationMs.average).toBeCloseTo(inRange.reduce((sum, attempt) => sum + attempt.durationMs, 0) / inRange.length, 6);
    const series = await getFunctionSeries(prisma, { functionId: fn.id, range: { since: new Date(since), until: new Date(until) } });
    expect(series.points.reduce((sum, point) => sum + point.invocations, 0)).toBe(inRange.length);
    expect(series.points.reduce((sum, point) => sum + point.throttles, 0)).toBe(2 * inRange.length);
  }
});

test('the migrations regroup minutes stored before them into hours, their histograms kept exactly', async () => {
  const older = await createTestDatabase('hourly-migration');
  const beforeHours = mkdtempSync(path.join(tmpdir(), 'lambdascope-migrations-'));
  const migrations = listMigrations(defaultMigrationsDir).map((migration) => migration.name);
  const hourly = migrations.find((name) => name.includes('hourly_rollups')) as string;
  try {
    for (const name of migrations.filter((name) => name < hourly)) cpSync(path.join(defaultMigrationsDir, name), path.join(beforeHours, name), { recursive: true });
    await migrateDatabase(older.url, { migrationsDir: beforeHours });
    const client = createPrismaClient(older.url);
    try {
      // The database is as it was then, not as this client's schema says: every row goes in as SQL.
      const [source] = await client.$queryRaw<Array<{ id: number }>>`
        INSERT INTO sources (name, kind, region, updated_at) VALUES ('old', 'emulator', 'us-east-1', now()) RETURNING id`;
      const [fn] = (await client.$queryRaw<Array<{ id: number }>>`
        INSERT INTO functions (source_id, name, arn, memory_size_mb, timeout_seconds, log_group_name, updated_at)
        VALUES (${source?.id}, 'old', 'arn:old', 128, 3, '/aws/lambda/old', now()) RETURNING id`) as [{ id: number }];
      const minutes = Array.from({ length: 150 }, (_, index) => {
        const histogram = createHistogram();
        for (let sample = 0; sample <= index % 4; sample += 1) addSample(histogram, sample * 10 + index);
        return {
          functionId: fn.id, minute: new Date(T + index * MINUTE), invocations: histogram.count, errors: index % 3, timeouts: index % 2, outOfMemory: 0,
          coldStarts: 1, retries: index % 2, durationSumMs: histogram.sum, billedGbSeconds: index / 10, initDurationSumMs: 100, maxMemoryUsedMB: index,
          durationHistogram: encodeHistogramBuckets(histogram),
        };
      });
      // Histograms were int[] then.
      for (const { durationHistogram, ...minute } of minutes) {
        await client.$executeRaw`
          INSERT INTO function_minutes (function_id, minute, invocations, errors, timeouts, out_of_memory, cold_starts, retries, duration_sum_ms,
                                        billed_gb_seconds, init_duration_sum_ms, max_memory_used_mb, duration_histogram)
          VALUES (${minute.functionId}, ${minute.minute}, ${minute.invocations}, ${minute.errors}, ${minute.timeouts}, ${minute.outOfMemory},
                  ${minute.coldStarts}, ${minute.retries}, ${minute.durationSumMs}, ${minute.billedGbSeconds}, ${minute.initDurationSumMs},
                  ${minute.maxMemoryUsedMB}, ${durationHistogram}::int[])`;
      }
      await client.$executeRaw`
        INSERT INTO function_metric_minutes (function_id, minute, throttles, concurrent_executions)
        SELECT ${fn.id}, m, 1, n - 1 FROM unnest(${minutes.map((minute) => minute.minute)}::timestamptz[]) WITH ORDINALITY AS u(m, n)`;

      expect((await migrateDatabase(older.url)).applied).toEqual(migrations.filter((name) => name >= hourly));
      expect((await client.functionMinute.findMany({ orderBy: { minute: 'asc' } })).map((row) => row.durationHistogram)).toEqual(
        minutes.map((minute) => minute.durationHistogram.join(',')),
      );
      expect(await client.functionHour.count()).toBe(3);
      await expectHoursToMatchMinutes(client, fn.id);
      expect(await client.functionMetricHour.findMany({ orderBy: { hour: 'asc' }, select: { throttles: true, concurrentExecutions: true } })).toEqual([
        { throttles: 60, concurrentExecutions: 59 },
        { throttles: 60, concurrentExecutions: 119 },
        { throttles: 30, concurrentExecutions: 149 },
      ]);
    } finally {
      await client.$disconnect();
    }
  } finally {
    rmSync(beforeHours, { recursive: true, force: true });
    await older.drop();
  }
});
