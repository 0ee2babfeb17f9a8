import { expect } from 'vitest';
import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { createHistogram, type DurationHistogram } from '../../lib/histogram/duration-histogram';
import { encodeHistogramText } from '../../lib/histogram/encode-histogram';
import { mergeHistogramText } from '../../lib/histogram/merge-histogram-text';
import { addRollupCounts, emptyRollupCounts, type RollupCounts } from '../../lib/store/rollup-counts';

export type RollupRow = Pick<RollupCounts, 'invocations' | 'errors' | 'timeouts' | 'outOfMemory' | 'coldStarts' | 'retries' | 'durationSumMs'> & {
  minute: string;
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

type HourRow = RollupCounts & { hour: string; durationHistogram: string };

/**
 * The second invariant: a function's stored hour rollups equal its stored minutes regrouped by
 * hour (histograms merged bucket by bucket; float sums compared to 12 significant digits, since
 * they are added in a different order).
 */
export async function expectHoursToMatchMinutes(prisma: PrismaClient, functionId: number): Promise<void> {
  const round = (value: number) => Number(value.toPrecision(12));
  const comparable = ({ hour, durationHistogram, ...counts }: RollupCounts & { hour: Date; durationHistogram: string }): HourRow => ({
    ...countsOf(counts),
    durationSumMs: round(counts.durationSumMs),
    billedGbSeconds: round(counts.billedGbSeconds),
    initDurationSumMs: round(counts.initDurationSumMs),
    hour: hour.toISOString(),
    durationHistogram,
  });
  const stored = (await prisma.functionHour.findMany({ where: { functionId }, orderBy: { hour: 'asc' } })).map(comparable);
  const regrouped = new Map<number, { counts: RollupCounts; histogram: DurationHistogram }>();
  for (const minute of await prisma.functionMinute.findMany({ where: { functionId }, orderBy: { minute: 'asc' } })) {
    const hourMs = Math.floor(minute.minute.getTime() / 3_600_000) * 3_600_000;
    const hour = regrouped.get(hourMs) ?? { counts: emptyRollupCounts(), histogram: createHistogram() };
    addRollupCounts(hour.counts, countsOf(minute));
    const buckets = mergeHistogramText(minute.durationHistogram);
    hour.histogram.zeroCount += buckets.zeroCount;
    for (const [index, count] of buckets.buckets) hour.histogram.buckets.set(index, (hour.histogram.buckets.get(index) ?? 0) + count);
    regrouped.set(hourMs, hour);
  }
  const fromMinutes = [...regrouped].map(([hourMs, { counts, histogram }]) =>
    comparable({ ...counts, hour: new Date(hourMs), durationHistogram: encodeHistogramText(histogram) }),
  );
  expect(stored).toEqual(fromMinutes);
}

/** Just the counts of a row that has more columns. */
function countsOf(row: RollupCounts): RollupCounts {
  const counts = emptyRollupCounts();
  addRollupCounts(counts, row);
  return counts;
}
