import type { PrismaClient } from '../db/create-prisma-client';
import { decodeHistogramBuckets } from '../histogram/encode-histogram';
import { NotFoundError } from '../errors';
import { chooseSeriesBucket } from './choose-series-bucket';
import type { TimeRange } from './parse-time-range';
import { shapeSeries, type MetricBucket, type RollupBucket, type SeriesPoint } from './shape-series';

export type SeriesFunction = {
  id: number;
  name: string;
  arn: string;
  runtime: string | null;
  memorySizeMB: number;
  timeoutSeconds: number;
  architecture: string;
  reservedConcurrency: number | null;
  deleted: boolean;
  region: string;
  source: { id: number; name: string };
};

export type FunctionSeries = {
  function: SeriesFunction;
  since: Date;
  until: Date;
  /** Each point's width: a whole number of minutes (chooseSeriesBucket). */
  bucketMs: number;
  points: SeriesPoint[];
};

type RollupRow = {
  start: Date;
  invocations: number;
  errors: number;
  timeouts: number;
  out_of_memory: number;
  cold_starts: number;
  retries: number;
  billed_gb_seconds: number;
  init_duration_sum_ms: number;
  max_memory_used_mb: number;
  zero_count: number;
  /** The bucket's merged histogram: bucket indexes ascending, and their counts. */
  indexes: number[] | null;
  counts: number[] | null;
};

type MetricRow = { start: Date; throttles: number; max_concurrency: number };

/** date_bin's origin: buckets line up on multiples of their width, so a polling chart's points keep still. */
const EPOCH = new Date(0);

/**
 * One function's time series over the range, from the minute rollups only: each bucket's counts
 * and sums are aggregated in SQL, its histograms merged there too (pairs of the int[] encoding
 * unnested and summed per bucket index), so a 7-day range sends 168 rows, not 10,080 minutes.
 * Percentiles, gap filling and cost are shaped in shapeSeries. Throws NotFoundError for an
 * unknown function.
 */
export async function getFunctionSeries(prisma: PrismaClient, options: { functionId: number; range: TimeRange }): Promise<FunctionSeries> {
  const { functionId, range } = options;
  const bucketMs = chooseSeriesBucket(range.until.getTime() - range.since.getTime());
  const width = `${bucketMs / 60_000} minutes`;
  // Minutes the range overlaps, as listFunctionSummaries counts them.
  const firstMinute = new Date(Math.floor(range.since.getTime() / 60_000) * 60_000);
  const [fn, rollupRows, metricRows] = await Promise.all([
    prisma.lambdaFunction.findUnique({ where: { id: functionId }, include: { source: { select: { id: true, name: true, region: true } } } }),
    prisma.$queryRaw<RollupRow[]>`
      WITH m AS MATERIALIZED (
        SELECT date_bin(${width}::interval, minute, ${EPOCH}::timestamptz) AS start, invocations, errors, timeouts, out_of_memory,
               cold_starts, retries, billed_gb_seconds, init_duration_sum_ms, max_memory_used_mb, duration_histogram AS h
          FROM function_minutes
         WHERE function_id = ${functionId} AND minute >= ${firstMinute} AND minute < ${range.until}
      ), merged AS (
        SELECT start, array_agg(index ORDER BY index) AS indexes, array_agg(count ORDER BY index) AS counts
          FROM (
            -- unnest(h, h[2:]) pairs each element with the next; even positions are (index, count).
            SELECT m.start, pair.index, sum(pair.count)::int AS count
              FROM m, unnest(m.h, m.h[2:]) WITH ORDINALITY AS pair(index, count, position)
             WHERE pair.position % 2 = 0
             GROUP BY m.start, pair.index
          ) buckets
         GROUP BY start
      )
      SELECT t.start, t.invocations, t.errors, t.timeouts, t.out_of_memory, t.cold_starts, t.retries, t.billed_gb_seconds,
             t.init_duration_sum_ms, t.max_memory_used_mb, t.zero_count, merged.indexes, merged.counts
        FROM (
          SELECT start, sum(invocations)::float8 AS invocations, sum(errors)::float8 AS errors, sum(timeouts)::float8 AS timeouts,
                 sum(out_of_memory)::float8 AS out_of_memory, sum(cold_starts)::float8 AS cold_starts, sum(retries)::float8 AS retries,
                 sum(billed_gb_seconds)::float8 AS billed_gb_seconds, sum(init_duration_sum_ms)::float8 AS init_duration_sum_ms,
                 max(max_memory_used_mb)::int AS max_memory_used_mb, sum(COALESCE(h[1], 0))::float8 AS zero_count
            FROM m GROUP BY start
        ) t
        LEFT JOIN merged USING (start)`,
    prisma.$queryRaw<MetricRow[]>`
      SELECT date_bin(${width}::interval, minute, ${EPOCH}::timestamptz) AS start,
             sum(throttles)::float8 AS throttles, max(concurrent_executions)::int AS max_concurrency
        FROM function_metric_minutes
       WHERE function_id = ${functionId} AND minute >= ${firstMinute} AND minute < ${range.until}
       GROUP BY 1`,
  ]);
  if (!fn) throw new NotFoundError(`No function with id ${functionId}`, 'functionId');
  const rollups: RollupBucket[] = rollupRows.map((row) => ({
    startMs: row.start.getTime(),
    invocations: row.invocations,
    errors: row.errors,
    timeouts: row.timeouts,
    outOfMemory: row.out_of_memory,
    coldStarts: row.cold_starts,
    retries: row.retries,
    billedGbSeconds: row.billed_gb_seconds,
    initDurationSumMs: row.init_duration_sum_ms,
    maxMemoryUsedMB: row.max_memory_used_mb,
    histogram: decodeHistogramBuckets([row.zero_count, ...interleave(row.indexes ?? [], row.counts ?? [])]),
  }));
  const metrics: MetricBucket[] = metricRows.map((row) => ({ startMs: row.start.getTime(), throttles: row.throttles, maxConcurrency: row.max_concurrency }));
  return {
    function: {
      id: fn.id,
      name: fn.name,
      arn: fn.arn,
      runtime: fn.runtime,
      memorySizeMB: fn.memorySizeMB,
      timeoutSeconds: fn.timeoutSeconds,
      architecture: fn.architecture,
      reservedConcurrency: fn.reservedConcurrency,
      deleted: fn.deletedAt !== null,
      region: fn.source.region,
      source: { id: fn.source.id, name: fn.source.name },
    },
    since: range.since,
    until: range.until,
    bucketMs,
    points: shapeSeries({ range, bucketMs, rollups, metrics, pricing: { architecture: fn.architecture, region: fn.source.region } }),
  };
}

function interleave(indexes: readonly number[], counts: readonly number[]): number[] {
  return indexes.flatMap((index, position) => [index, counts[position] ?? 0]);
}
