import type { PrismaClient } from '../db/create-prisma-client';
import { createHistogram, histogramPercentile, type DurationHistogram } from '../histogram/duration-histogram';
import { mergeHistogramText } from '../histogram/merge-histogram-text';
import { estimateCost, type CostEstimate } from './estimate-cost';
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

type FunctionRow = {
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

type MinuteTotals = {
  function_id: number;
  invocations: number;
  errors: number;
  timeouts: number;
  out_of_memory: number;
  cold_starts: number;
  retries: number;
  duration_sum_ms: number;
  billed_gb_seconds: number;
  init_duration_sum_ms: number;
  max_memory_used_mb: number | null;
  /** Every minute's histogram as text, for mergeHistogramText. */
  histograms: string | null;
};

type TotalsRow = FunctionRow & Omit<MinuteTotals, 'function_id' | 'histograms'> & { throttles: number };

/**
 * Each function's health over a range, from the minute rollups only: counts summed in SQL grouped
 * by function, duration percentiles from the minutes' histograms merged here (sent as one text per
 * function). Every function that is not deleted is listed (with zeros if idle); a deleted one only
 * if it has data in the range. The range covers every minute it overlaps.
 */
export async function listFunctionSummaries(prisma: PrismaClient, options: FunctionSummariesOptions): Promise<FunctionSummaries> {
  const until = options.until ?? new Date();
  const firstMinute = new Date(Math.floor(options.since.getTime() / 60_000) * 60_000);
  const sourceId = options.sourceId ?? null;
  // `function_id = ANY(ids)` walks the (function_id, minute) key once per function and visits each
  // heap page once (a bitmap scan); a bare minute range would scan every function's whole history.
  const [functions, minutes, throttles] = await Promise.all([
    prisma.$queryRaw<FunctionRow[]>`
      SELECT f.id, f.name, f.arn, f.runtime, f.architecture, f.memory_size_mb, f.deleted_at,
             s.id AS source_id, s.name AS source_name, s.region
        FROM functions f
        JOIN sources s ON s.id = f.source_id
       WHERE (${sourceId}::int IS NULL OR f.source_id = ${sourceId}::int)
       ORDER BY s.name, f.name`,
    // string_agg has no parallel (partial) form before PostgreSQL 16, so the histograms of each
    // half of the functions are gathered on a connection of their own: two cores instead of one
    // (measured on 200 functions × 24 h under load: 320 → 230 ms at the median).
    Promise.all(
      [0, 1].map((half) =>
        withoutJit(
          prisma,
          prisma.$queryRaw<MinuteTotals[]>`
            SELECT function_id, sum(invocations)::float8 AS invocations, sum(errors)::float8 AS errors, sum(timeouts)::float8 AS timeouts,
                   sum(out_of_memory)::float8 AS out_of_memory, sum(cold_starts)::float8 AS cold_starts, sum(retries)::float8 AS retries,
                   sum(duration_sum_ms)::float8 AS duration_sum_ms, sum(billed_gb_seconds)::float8 AS billed_gb_seconds,
                   sum(init_duration_sum_ms)::float8 AS init_duration_sum_ms, max(max_memory_used_mb) AS max_memory_used_mb,
                   string_agg(array_to_string(duration_histogram, ','), ';') AS histograms
              FROM function_minutes
             WHERE function_id = ANY(ARRAY(SELECT id FROM functions WHERE (${sourceId}::int IS NULL OR source_id = ${sourceId}::int) AND id % 2 = ${half}))
               AND minute >= ${firstMinute} AND minute < ${until}
             GROUP BY function_id`,
        ),
      ),
    ).then((halves) => halves.flat()),
    withoutJit(
      prisma,
      prisma.$queryRaw<Array<{ function_id: number; throttles: number }>>`
        SELECT function_id, sum(throttles)::float8 AS throttles
          FROM function_metric_minutes
         WHERE function_id = ANY(ARRAY(SELECT id FROM functions WHERE ${sourceId}::int IS NULL OR source_id = ${sourceId}::int))
           AND minute >= ${firstMinute} AND minute < ${until}
         GROUP BY function_id`,
    ),
  ]);
  const minutesOf = new Map(minutes.map((row) => [row.function_id, row]));
  const throttlesOf = new Map(throttles.map((row) => [row.function_id, row.throttles]));
  const summaries = functions
    .filter((fn) => fn.deleted_at === null || minutesOf.has(fn.id) || throttlesOf.has(fn.id))
    .map((fn) => {
      const own = minutesOf.get(fn.id);
      const row: TotalsRow = {
        ...fn,
        invocations: own?.invocations ?? 0,
        errors: own?.errors ?? 0,
        timeouts: own?.timeouts ?? 0,
        out_of_memory: own?.out_of_memory ?? 0,
        cold_starts: own?.cold_starts ?? 0,
        retries: own?.retries ?? 0,
        duration_sum_ms: own?.duration_sum_ms ?? 0,
        billed_gb_seconds: own?.billed_gb_seconds ?? 0,
        init_duration_sum_ms: own?.init_duration_sum_ms ?? 0,
        max_memory_used_mb: own?.max_memory_used_mb ?? null,
        throttles: throttlesOf.get(fn.id) ?? 0,
      };
      return summaryOf(row, own?.histograms ? mergeHistogramText(own.histograms) : createHistogram());
    });
  return { since: options.since, until, functions: summaries };
}

function summaryOf(row: TotalsRow, histogram: DurationHistogram): FunctionSummary {
  const rate = (count: number) => (row.invocations === 0 ? null : (100 * count) / row.invocations);
  const percentile = (p: number) => histogramPercentile(histogram, p) ?? null;
  return {
    function: { id: row.id, name: row.name, arn: row.arn, runtime: row.runtime, architecture: row.architecture, memorySizeMB: row.memory_size_mb, deleted: row.deleted_at !== null },
    source: { id: row.source_id, name: row.source_name, region: row.region },
    invocations: row.invocations,
    errors: row.errors,
    errorRate: rate(row.errors),
    timeouts: row.timeouts,
    outOfMemory: row.out_of_memory,
    throttles: row.throttles,
    coldStarts: row.cold_starts,
    coldStartRate: rate(row.cold_starts),
    retries: row.retries,
    durationMs: {
      average: histogram.count === 0 ? null : row.duration_sum_ms / histogram.count,
      p50: percentile(50),
      p95: percentile(95),
      p99: percentile(99),
    },
    // Only cold starts report an init duration.
    averageInitDurationMs: row.cold_starts === 0 ? null : row.init_duration_sum_ms / row.cold_starts,
    maxMemoryUsedMB: row.max_memory_used_mb,
    billedGbSeconds: row.billed_gb_seconds,
    cost: estimateCost({ requests: row.invocations, gbSeconds: row.billed_gb_seconds, architecture: row.architecture, region: row.region }),
  };
}
