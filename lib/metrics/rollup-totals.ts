import { Prisma } from '../db/generated/client';
import { createHistogram, type DurationHistogram } from '../histogram/duration-histogram';
import { mergeHistogramText } from '../histogram/merge-histogram-text';
import { emptyRollupCounts, type RollupCounts } from '../store/rollup-counts';

/** What a group of rollup rows (minutes and hours) adds up to. */
export type RollupTotals = RollupCounts & { histogram: DurationHistogram };

/**
 * The aggregate select list that a GROUP BY over rollupRowsSql('attempts', …) returns, read by
 * rollupTotalsOf. Histograms come as one text per group, merged by mergeHistogramText: string_agg
 * costs Postgres a third of unnesting the int[] pairs.
 */
export const ROLLUP_TOTALS_SELECT = Prisma.raw(`
  sum(invocations)::float8 AS invocations, sum(errors)::float8 AS errors, sum(timeouts)::float8 AS timeouts,
  sum(out_of_memory)::float8 AS out_of_memory, sum(cold_starts)::float8 AS cold_starts, sum(retries)::float8 AS retries,
  sum(duration_sum_ms)::float8 AS duration_sum_ms, sum(billed_gb_seconds)::float8 AS billed_gb_seconds,
  sum(init_duration_sum_ms)::float8 AS init_duration_sum_ms, max(max_memory_used_mb)::int AS max_memory_used_mb,
  string_agg(duration_histogram, ';') AS histograms`);

export type RollupTotalsRow = {
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
  histograms: string | null;
};

export function rollupTotalsOf(row: RollupTotalsRow): RollupTotals {
  return {
    invocations: row.invocations,
    errors: row.errors,
    timeouts: row.timeouts,
    outOfMemory: row.out_of_memory,
    coldStarts: row.cold_starts,
    retries: row.retries,
    durationSumMs: row.duration_sum_ms,
    billedGbSeconds: row.billed_gb_seconds,
    initDurationSumMs: row.init_duration_sum_ms,
    maxMemoryUsedMB: row.max_memory_used_mb ?? 0,
    histogram: row.histograms ? mergeHistogramText(row.histograms) : createHistogram(),
  };
}

/** A function or bucket with no rollups in range. */
export function emptyRollupTotals(): RollupTotals {
  return { ...emptyRollupCounts(), histogram: createHistogram() };
}
