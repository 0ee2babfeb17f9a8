import { expect } from 'vitest';
import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { createHistogram, type DurationHistogram } from '../../lib/histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../../lib/histogram/encode-histogram';

export type RollupRow = {
  minute: string;
  invocations: number;
  errors: number;
  timeouts: number;
  outOfMemory: number;
  coldStarts: number;
  retries: number;
  durationSumMs: number;
};

/** A function's minute rollups as stored (minutes with finished attempts only). */
export async function storedRollups(prisma: PrismaClient, functionId: number): Promise<RollupRow[]> {
  const rows = await prisma.functionMinute.findMany({ where: { functionId }, orderBy: { minute: 'asc' } });
  return rows
    .filter((row) => row.invocations > 0)
    .map(({ minute, invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs }) => ({
      minute: minute.toISOString(), invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs,
    }));
}

/** The same rollups recounted from the stored attempts: the invariant is that the two are equal. */
export function recountRollups(prisma: PrismaClient, functionId: number): Promise<RollupRow[]> {
  return prisma.$queryRaw<RollupRow[]>`
    SELECT to_char(date_trunc('minute', started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS minute,
           count(*)::int AS invocations,
           count(*) FILTER (WHERE status <> 'success')::int AS errors,
           count(*) FILTER (WHERE status = 'timeout')::int AS timeouts,
           count(*) FILTER (WHERE status = 'out_of_memory')::int AS "outOfMemory",
           count(*) FILTER (WHERE cold_start)::int AS "coldStarts",
           count(*) FILTER (WHERE attempt_number > 1)::int AS retries,
           COALESCE(sum(duration_ms), 0)::float8 AS "durationSumMs"
      FROM (SELECT *, row_number() OVER (PARTITION BY request_id ORDER BY started_at) AS attempt_number
              FROM attempts WHERE function_id = ${functionId}) finished
     WHERE status <> 'running'
     GROUP BY 1 ORDER BY 1`;
}

type HourRow = Omit<RollupRow, 'minute'> & {
  hour: string;
  billedGbSeconds: number;
  initDurationSumMs: number;
  maxMemoryUsedMB: number;
  durationHistogram: number[];
};

/**
 * The second invariant: a function's stored hour rollups equal its stored minutes regrouped by
 * hour (histograms merged bucket by bucket; float sums compared to 12 significant digits, since
 * they are added in a different order).
 */
export async function expectHoursToMatchMinutes(prisma: PrismaClient, functionId: number): Promise<void> {
  const round = (value: number) => Number(value.toPrecision(12));
  const comparable = (row: Omit<HourRow, 'hour'> & { hour: Date }): HourRow => ({
    hour: row.hour.toISOString(),
    invocations: row.invocations,
    errors: row.errors,
    timeouts: row.timeouts,
    outOfMemory: row.outOfMemory,
    coldStarts: row.coldStarts,
    retries: row.retries,
    durationSumMs: round(row.durationSumMs),
    billedGbSeconds: round(row.billedGbSeconds),
    initDurationSumMs: round(row.initDurationSumMs),
    maxMemoryUsedMB: row.maxMemoryUsedMB,
    durationHistogram: row.durationHistogram,
  });
  const stored = (await prisma.functionHour.findMany({ where: { functionId }, orderBy: { hour: 'asc' } })).map(comparable);
  const regrouped = new Map<number, Omit<HourRow, 'hour'> & { hour: Date; histogram: DurationHistogram }>();
  for (const minute of await prisma.functionMinute.findMany({ where: { functionId }, orderBy: { minute: 'asc' } })) {
    const hourMs = Math.floor(minute.minute.getTime() / 3_600_000) * 3_600_000;
    const hour = regrouped.get(hourMs) ?? {
      hour: new Date(hourMs), invocations: 0, errors: 0, timeouts: 0, outOfMemory: 0, coldStarts: 0, retries: 0,
      durationSumMs: 0, billedGbSeconds: 0, initDurationSumMs: 0, maxMemoryUsedMB: 0, durationHistogram: [], histogram: createHistogram(),
    };
    hour.invocations += minute.invocations;
    hour.errors += minute.errors;
    hour.timeouts += minute.timeouts;
    hour.outOfMemory += minute.outOfMemory;
    hour.coldStarts += minute.coldStarts;
    hour.retries += minute.retries;
    hour.durationSumMs += minute.durationSumMs;
    hour.billedGbSeconds += minute.billedGbSeconds;
    hour.initDurationSumMs += minute.initDurationSumMs;
    hour.maxMemoryUsedMB = Math.max(hour.maxMemoryUsedMB, minute.maxMemoryUsedMB);
    const buckets = decodeHistogramBuckets(minute.durationHistogram);
    hour.histogram.zeroCount += buckets.zeroCount;
    for (const [index, count] of buckets.buckets) hour.histogram.buckets.set(index, (hour.histogram.buckets.get(index) ?? 0) + count);
    regrouped.set(hourMs, hour);
  }
  const fromMinutes = [...regrouped.values()].map(({ histogram, ...hour }) => comparable({ ...hour, durationHistogram: encodeHistogramBuckets(histogram) }));
  expect(stored).toEqual(fromMinutes);
}
