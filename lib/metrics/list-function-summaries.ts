import type { PrismaClient } from '../db/create-prisma-client';
import { Prisma } from '../db/generated/client';
import { histogramPercentile } from '../histogram/duration-histogram';
import { estimateCost, type CostEstimate } from './estimate-cost';
import { rollupRowsSql, splitRollupSpans } from './rollup-rows';
import { emptyRollupTotals, ROLLUP_TOTALS_SELECT, rollupTotalsOf, type RollupTotals, type RollupTotalsRow } from './rollup-totals';
import { withoutJit } from './without-jit';

export type FunctionSummariesOptions = { since: Date; until?: Date; sourceId?: number };

export type FunctionSummary = {
  function: { id: number; name: string; arn: string; runtime: string | null; architecture: string; memorySizeMB: number; deleted: boolean };
  source: { id: number; name: string; region: string };
  /** Attempts that finished in the range, retries included (what Lambda bills as requests). */
  invocations: number;
  errors: number;
  /** Percentages of invocations; null when there were none. */
  errorRate: number | null;
  timeouts: number;
  outOfMemory: number;
  /** From CloudWatch metrics: throttled requests never reach the logs. */
  throttles: number;
  coldStarts: number;
  coldStartRate: number | null;
  retries: number;
  durationMs: { average: number | null; p50: number | null; p95: number | null; p99: number | null };
  averageInitDurationMs: number | null;
  maxMemoryUsedMB: number | null;
  billedGbSeconds: number;
  cost: CostEstimate;
};

export type FunctionSummaries = { since: Date; until: Date; functions: FunctionSummary[] };

/** A function and its source as the overview's SQL returns them. */
export type FunctionRow = {
  id: number;
  name: string;
  arn: string;
  runtime: string | null;
  architecture: string;
  memory_size_mb: number;
  deleted_at: Date | null;
  source_id: number;
  source_name: string;
  region: string;
};

/**
 * Each function's health over a range, from the rollups only (whole hours from the hourly ones,
 * the edges from the minutes): counts summed in SQL grouped by function, duration percentiles from
 * the histograms merged here (sent as one text per function). Every function that is not deleted
 * is listed (with zeros if idle); a deleted one only if it has data in the range. The range covers
 * every minute it overlaps.
 */
export async function listFunctionSummaries(prisma: PrismaClient, options: FunctionSummariesOptions): Promise<FunctionSummaries> {
  const until = options.until ?? new Date();
  const sourceId = options.sourceId ?? null;
  const spans = splitRollupSpans(options.since, until);
  const idsOf = (half: number | null) =>
    Prisma.sql`ARRAY(SELECT id FROM functions WHERE (${sourceId}::int IS NULL OR source_id = ${sourceId}::int) AND (${half}::int IS NULL OR id % 2 = ${half}::int))`;
  const [functions, totals, throttles] = await Promise.all([
    prisma.$queryRaw<FunctionRow[]>`
      SELECT f.id, f.name, f.arn, f.runtime, f.architecture, f.memory_size_mb, f.deleted_at,
             s.id AS source_id, s.name AS source_name, s.region
        FROM functions f
        JOIN sources s ON s.id = f.source_id
       WHERE (${sourceId}::int IS NULL OR f.source_id = ${sourceId}::int)
       ORDER BY s.name, f.name`,
    // string_agg has no parallel (partial) form before PostgreSQL 16, so the histograms of each
    // half of the functions are gathered on a connection of their own: two cores instead of one.
    Promise.all(
      [0, 1].map((half) =>
        withoutJit(
          prisma,
          prisma.$queryRaw<Array<RollupTotalsRow & { function_id: number }>>`
            SELECT function_id, ${ROLLUP_TOTALS_SELECT}
              FROM ${rollupRowsSql('attempts', spans, idsOf(half))} rollups
             GROUP BY function_id`,
        ),
      ),
    ).then((halves) => halves.flat()),
    withoutJit(
      prisma,
      prisma.$queryRaw<Array<{ function_id: number; throttles: number }>>`
        SELECT function_id, sum(throttles)::float8 AS throttles
          FROM ${rollupRowsSql('metrics', spans, idsOf(null))} rollups
         GROUP BY function_id`,
    ),
  ]);
  const totalsOf = new Map(totals.map((row) => [row.function_id, row]));
  const throttlesOf = new Map(throttles.map((row) => [row.function_id, row.throttles]));
  const summaries = functions
    .filter((fn) => fn.deleted_at === null || totalsOf.has(fn.id) || throttlesOf.has(fn.id))
    .map((fn) => {
      const own = totalsOf.get(fn.id);
      return summaryOf(fn, own ? rollupTotalsOf(own) : emptyRollupTotals(), throttlesOf.get(fn.id) ?? 0);
    });
  return { since: options.since, until, functions: summaries };
}

function summaryOf(fn: FunctionRow, totals: RollupTotals, throttles: number): FunctionSummary {
  const { invocations, histogram } = totals;
  const rate = (count: number) => (invocations === 0 ? null : (100 * count) / invocations);
  const percentile = (p: number) => histogramPercentile(histogram, p) ?? null;
  return {
    function: { id: fn.id, name: fn.name, arn: fn.arn, runtime: fn.runtime, architecture: fn.architecture, memorySizeMB: fn.memory_size_mb, deleted: fn.deleted_at !== null },
    source: { id: fn.source_id, name: fn.source_name, region: fn.region },
    invocations,
    errors: totals.errors,
    errorRate: rate(totals.errors),
    timeouts: totals.timeouts,
    outOfMemory: totals.outOfMemory,
    throttles,
    coldStarts: totals.coldStarts,
    coldStartRate: rate(totals.coldStarts),
    retries: totals.retries,
    durationMs: {
      average: histogram.count === 0 ? null : totals.durationSumMs / histogram.count,
      p50: percentile(50),
      p95: percentile(95),
      p99: percentile(99),
    },
    // Only cold starts report an init duration.
    averageInitDurationMs: totals.coldStarts === 0 ? null : totals.initDurationSumMs / totals.coldStarts,
    maxMemoryUsedMB: totals.maxMemoryUsedMB > 0 ? totals.maxMemoryUsedMB : null,
    billedGbSeconds: totals.billedGbSeconds,
    cost: estimateCost({ requests: invocations, gbSeconds: totals.billedGbSeconds, architecture: fn.architecture, region: fn.region }),
  };
}
