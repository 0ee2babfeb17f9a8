import type { PrismaClient } from '../db/create-prisma-client';
import { Prisma, type LambdaFunction } from '../db/generated/client';
import { NotFoundError } from '../errors';
import { chooseSeriesBucket } from './choose-series-bucket';
import type { FunctionDetail } from './get-function-detail';
import type { TimeRange } from './parse-time-range';
import { shapeSeries, type MetricBucket, type RollupBucket, type SeriesPoint } from './shape-series';
import { rollupRowsSql, splitRollupSpans } from './rollup-rows';
import { ROLLUP_TOTALS_SELECT, rollupTotalsOf, type RollupTotalsRow } from './rollup-totals';
import { withoutJit } from './without-jit';

/** What a series says of its function: part of its configuration, and where it runs. */
export type SeriesFunction = Pick<
  FunctionDetail,
  'id' | 'name' | 'arn' | 'runtime' | 'memorySizeMB' | 'timeoutSeconds' | 'architecture' | 'reservedConcurrency' | 'deleted'
> & { region: string; source: { id: number; name: string } };

/** A function row with its source, as the series (and its raw-row baseline in bench:query) report it. */
export function toSeriesFunction(fn: SeriesFunctionRow): SeriesFunction {
  return {
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
  };
}

type SeriesFunctionRow = Pick<LambdaFunction, 'id' | 'name' | 'arn' | 'runtime' | 'memorySizeMB' | 'timeoutSeconds' | 'architecture' | 'reservedConcurrency' | 'deletedAt'> & {
  source: { id: number; name: string; region: string };
};

export type FunctionSeries = {
  function: SeriesFunction;
  since: Date;
  until: Date;
  /** Each point's width: a whole number of minutes (chooseSeriesBucket). */
  bucketMs: number;
  points: SeriesPoint[];
};

type MetricRow = { start: Date; throttles: number; max_concurrency: number };

/** date_bin's origin: buckets line up on multiples of their width, so a polling chart's points keep still. */
const EPOCH = new Date(0);

/**
 * One function's time series over the range, from the rollups only: each bucket's counts and sums
 * are aggregated in SQL over its whole hours and its other minutes, and its
 * histograms come as one text per bucket, merged here. Percentiles, gap filling and cost are shaped
 * in shapeSeries. Throws NotFoundError for an unknown function.
 */
export async function getFunctionSeries(prisma: PrismaClient, options: { functionId: number; range: TimeRange }): Promise<FunctionSeries> {
  const { functionId, range } = options;
  const bucketMs = chooseSeriesBucket(range.until.getTime() - range.since.getTime());
  const width = `${bucketMs / 60_000} minutes`;
  const spans = splitRollupSpans(range.since, range.until, { originMs: EPOCH.getTime(), slotMs: bucketMs });
  const ids = Prisma.sql`ARRAY[${functionId}::int]`;
  const [fn, rollupRows, metricRows] = await Promise.all([
    prisma.lambdaFunction.findUnique({ where: { id: functionId }, include: { source: { select: { id: true, name: true, region: true } } } }),
    withoutJit(
      prisma,
      prisma.$queryRaw<Array<RollupTotalsRow & { start: Date }>>`
        SELECT date_bin(${width}::interval, at, ${EPOCH}::timestamptz) AS start, ${ROLLUP_TOTALS_SELECT}
          FROM ${rollupRowsSql('attempts', spans, ids)} rollups
         GROUP BY 1`,
    ),
    withoutJit(
      prisma,
      prisma.$queryRaw<MetricRow[]>`
        SELECT date_bin(${width}::interval, at, ${EPOCH}::timestamptz) AS start,
               sum(throttles)::float8 AS throttles, max(concurrent_executions)::int AS max_concurrency
          FROM ${rollupRowsSql('metrics', spans, ids)} rollups
         GROUP BY 1`,
    ),
  ]);
  if (!fn) throw new NotFoundError(`No function with id ${functionId}`, 'functionId');
  const rollups: RollupBucket[] = rollupRows.map((row) => ({ startMs: row.start.getTime(), ...rollupTotalsOf(row) }));
  const metrics: MetricBucket[] = metricRows.map((row) => ({ startMs: row.start.getTime(), throttles: row.throttles, maxConcurrency: row.max_concurrency }));
  return {
    function: toSeriesFunction(fn),
    since: range.since,
    until: range.until,
    bucketMs,
    points: shapeSeries({ range, bucketMs, rollups, metrics, pricing: { architecture: fn.architecture, region: fn.source.region } }),
  };
}
