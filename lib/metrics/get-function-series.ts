import type { PrismaClient } from '../db/create-prisma-client';
import { mergeHistogramText } from '../histogram/merge-histogram-text';
import { NotFoundError } from '../errors';
import { chooseSeriesBucket } from './choose-series-bucket';
import type { TimeRange } from './parse-time-range';
import { shapeSeries, type MetricBucket, type RollupBucket, type SeriesPoint } from './shape-series';
import { withoutJit } from './without-jit';

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
  /** The bucket's minutes' histograms as text, for mergeHistogramText. */
  histograms: string | null;
};

type MetricRow = { start: Date; throttles: number; max_concurrency: number };

/** date_bin's origin: buckets line up on multiples of their width, so a polling chart's points keep still. */
const EPOCH = new Date(0);

/**
 * One function's time series over the range, from the minute rollups only: each bucket's counts
 * and sums are aggregated in SQL, and its minutes' histograms come as one text per bucket, merged
 * here (a 7-day range sends 168 rows, not 10,080 minutes; string_agg costs Postgres a third of
 * unnesting the int[] pairs). Percentiles, gap filling and cost are shaped in shapeSeries. Throws
 * NotFoundError for an unknown function.
 */
export async function getFunctionSeries(prisma: PrismaClient, options: { functionId: number; range: TimeRange }): Promise<FunctionSeries> {
  const { functionId, range } = options;
  const bucketMs = chooseSeriesBucket(range.until.getTime() - range.since.getTime());
  const width = `${bucketMs / 60_000} minutes`;
  // Minutes the range overlaps, as listFunctionSummaries counts them.
  const firstMinute = new Date(Math.floor(range.since.getTime() / 60_000) * 60_000);
  const [fn, rollupRows, metricRows] = await Promise.all([
    prisma.lambdaFunction.findUnique({ where: { id: functionId }, include: { source: { select: { id: true, name: true, region: true } } } }),
    // A long range is read in two halves at once, split on a bucket boundary (each bucket stays
    // whole): formatting a busy function's histograms is most of the query, and two connections
    // use two cores (a week of a function with 40 attempts a minute: ~25 % faster).
    Promise.all(
      halvesOf(firstMinute.getTime(), range.until.getTime(), bucketMs).map(([from, to]) =>
        withoutJit(
          prisma,
          prisma.$queryRaw<RollupRow[]>`
            SELECT date_bin(${width}::interval, minute, ${EPOCH}::timestamptz) AS start,
                   sum(invocations)::float8 AS invocations, sum(errors)::float8 AS errors, sum(timeouts)::float8 AS timeouts,
                   sum(out_of_memory)::float8 AS out_of_memory, sum(cold_starts)::float8 AS cold_starts, sum(retries)::float8 AS retries,
                   sum(billed_gb_seconds)::float8 AS billed_gb_seconds, sum(init_duration_sum_ms)::float8 AS init_duration_sum_ms,
                   max(max_memory_used_mb)::int AS max_memory_used_mb,
                   string_agg(array_to_string(duration_histogram, ','), ';') AS histograms
              FROM function_minutes
             WHERE function_id = ${functionId} AND minute >= ${new Date(from)} AND minute < ${new Date(to)}
             GROUP BY 1`,
        ),
      ),
    ).then((halves) => halves.flat()),
    withoutJit(
      prisma,
      prisma.$queryRaw<MetricRow[]>`
        SELECT date_bin(${width}::interval, minute, ${EPOCH}::timestamptz) AS start,
               sum(throttles)::float8 AS throttles, max(concurrent_executions)::int AS max_concurrency
          FROM function_metric_minutes
         WHERE function_id = ${functionId} AND minute >= ${firstMinute} AND minute < ${range.until}
         GROUP BY 1`,
    ),
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
    histogram: mergeHistogramText(row.histograms ?? ''),
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

/** Below this, one query is as fast as two. */
const SPLIT_ABOVE_MS = 12 * 3_600_000;

function halvesOf(fromMs: number, untilMs: number, bucketMs: number): Array<[number, number]> {
  const middle = Math.round((fromMs + untilMs) / 2 / bucketMs) * bucketMs;
  if (untilMs - fromMs <= SPLIT_ABOVE_MS || middle <= fromMs || middle >= untilMs) return [[fromMs, untilMs]];
  return [[fromMs, middle], [middle, untilMs]];
}
