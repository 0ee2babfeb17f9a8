import type { PrismaClient } from '../db/create-prisma-client';
import { createHistogram, histogramPercentile, mergeHistogram, type DurationHistogram } from '../histogram/duration-histogram';
import { decodeHistogramBuckets } from '../histogram/encode-histogram';
import { estimateCost, type CostEstimate } from './estimate-cost';

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

type TotalsRow = {
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
  throttles: number;
};

/**
 * Each function's health over a range, from the minute rollups only: counts summed in one SQL
 * query grouped by function, duration percentiles from the minutes' merged histograms. Every
 * function that is not deleted is listed (with zeros if idle); a deleted one only if it has data
 * in the range. The range covers every minute it overlaps.
 */
export async function listFunctionSummaries(prisma: PrismaClient, options: FunctionSummariesOptions): Promise<FunctionSummaries> {
  const until = options.until ?? new Date();
  const firstMinute = new Date(Math.floor(options.since.getTime() / 60_000) * 60_000);
  const sourceId = options.sourceId ?? null;
  const rows = await prisma.$queryRaw<TotalsRow[]>`
    SELECT f.id, f.name, f.arn, f.runtime, f.architecture, f.memory_size_mb, f.deleted_at,
           s.id AS source_id, s.name AS source_name, s.region,
           COALESCE(m.invocations, 0)::float8 AS invocations, COALESCE(m.errors, 0)::float8 AS errors,
           COALESCE(m.timeouts, 0)::float8 AS timeouts, COALESCE(m.out_of_memory, 0)::float8 AS out_of_memory,
           COALESCE(m.cold_starts, 0)::float8 AS cold_starts, COALESCE(m.retries, 0)::float8 AS retries,
           COALESCE(m.duration_sum_ms, 0)::float8 AS duration_sum_ms, COALESCE(m.billed_gb_seconds, 0)::float8 AS billed_gb_seconds,
           COALESCE(m.init_duration_sum_ms, 0)::float8 AS init_duration_sum_ms, m.max_memory_used_mb,
           COALESCE(t.throttles, 0)::float8 AS throttles
      FROM functions f
      JOIN sources s ON s.id = f.source_id
      LEFT JOIN (
        SELECT function_id, sum(invocations) AS invocations, sum(errors) AS errors, sum(timeouts) AS timeouts,
               sum(out_of_memory) AS out_of_memory, sum(cold_starts) AS cold_starts, sum(retries) AS retries,
               sum(duration_sum_ms) AS duration_sum_ms, sum(billed_gb_seconds) AS billed_gb_seconds,
               sum(init_duration_sum_ms) AS init_duration_sum_ms, max(max_memory_used_mb) AS max_memory_used_mb
          FROM function_minutes
         WHERE minute >= ${firstMinute} AND minute < ${until}
         GROUP BY function_id
      ) m ON m.function_id = f.id
      LEFT JOIN (
        SELECT function_id, sum(throttles) AS throttles
          FROM function_metric_minutes
         WHERE minute >= ${firstMinute} AND minute < ${until}
         GROUP BY function_id
      ) t ON t.function_id = f.id
     WHERE (${sourceId}::int IS NULL OR f.source_id = ${sourceId}::int)
       AND (f.deleted_at IS NULL OR m.function_id IS NOT NULL OR t.function_id IS NOT NULL)
     ORDER BY s.name, f.name`;
  const histograms = await mergedHistograms(prisma, rows.filter((row) => row.invocations > 0).map((row) => row.id), firstMinute, until);
  return { since: options.since, until, functions: rows.map((row) => summaryOf(row, histograms.get(row.id) ?? createHistogram())) };
}

async function mergedHistograms(prisma: PrismaClient, functionIds: number[], from: Date, until: Date): Promise<Map<number, DurationHistogram>> {
  const merged = new Map<number, DurationHistogram>();
  if (functionIds.length === 0) return merged;
  const minutes = await prisma.functionMinute.findMany({
    where: { functionId: { in: functionIds }, minute: { gte: from, lt: until } },
    select: { functionId: true, durationHistogram: true },
  });
  for (const minute of minutes) {
    const histogram = merged.get(minute.functionId) ?? createHistogram();
    mergeHistogram(histogram, decodeHistogramBuckets(minute.durationHistogram));
    merged.set(minute.functionId, histogram);
  }
  return merged;
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
