import { histogramPercentile } from '../histogram/duration-histogram';
import { estimateCost } from './estimate-cost';
import type { RollupTotals } from './rollup-totals';
import type { TimeRange } from './parse-time-range';

/** One bucket of a function's time series, as a chart plots it. */
export type SeriesPoint = {
  /** The bucket's start (buckets are aligned to multiples of their width since the epoch). */
  start: string;
  /** Attempts, retries included (what Lambda bills as requests). */
  invocations: number;
  errors: number;
  timeouts: number;
  outOfMemory: number;
  /** From CloudWatch metrics: throttled requests never reach the logs. */
  throttles: number;
  coldStarts: number;
  retries: number;
  /** Null when no attempt in the bucket reported a duration. */
  durationMs: { p50: number | null; p95: number | null; p99: number | null };
  averageInitDurationMs: number | null;
  /** Null when no REPORT in the bucket measured it. */
  maxMemoryUsedMB: number | null;
  /** Null when CloudWatch metrics have nothing for the bucket (not polled, or no data). */
  maxConcurrency: number | null;
  costUsd: number;
};

/** What the rollups of one bucket add up to. */
export type RollupBucket = RollupTotals & { startMs: number };

/** What the CloudWatch metric minutes of one bucket add up to. */
export type MetricBucket = { startMs: number; throttles: number; maxConcurrency: number };

export type ShapeSeriesInput = {
  range: TimeRange;
  bucketMs: number;
  rollups: readonly RollupBucket[];
  metrics: readonly MetricBucket[];
  /** What the function's cost is priced by. */
  pricing: { architecture: string; region: string };
};

/**
 * Every bucket the range overlaps, in order, from the first one holding `since` to the last
 * starting before `until`: buckets without rollups are zeros (and nulls for what cannot be zero),
 * so a chart never joins two points across a gap. Pure.
 */
export function shapeSeries(input: ShapeSeriesInput): SeriesPoint[] {
  const { bucketMs } = input;
  const rollups = new Map(input.rollups.map((bucket) => [bucket.startMs, bucket]));
  const metrics = new Map(input.metrics.map((bucket) => [bucket.startMs, bucket]));
  const points: SeriesPoint[] = [];
  const until = input.range.until.getTime();
  for (let start = Math.floor(input.range.since.getTime() / bucketMs) * bucketMs; start < until; start += bucketMs) {
    const rollup = rollups.get(start);
    const metric = metrics.get(start);
    const percentile = (p: number) => (rollup ? (histogramPercentile(rollup.histogram, p) ?? null) : null);
    points.push({
      start: new Date(start).toISOString(),
      invocations: rollup?.invocations ?? 0,
      errors: rollup?.errors ?? 0,
      timeouts: rollup?.timeouts ?? 0,
      outOfMemory: rollup?.outOfMemory ?? 0,
      throttles: metric?.throttles ?? 0,
      coldStarts: rollup?.coldStarts ?? 0,
      retries: rollup?.retries ?? 0,
      durationMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
      // Only cold starts report an init duration.
      averageInitDurationMs: rollup && rollup.coldStarts > 0 ? rollup.initDurationSumMs / rollup.coldStarts : null,
      maxMemoryUsedMB: rollup && rollup.maxMemoryUsedMB > 0 ? rollup.maxMemoryUsedMB : null,
      maxConcurrency: metric?.maxConcurrency ?? null,
      costUsd: rollup ? estimateCost({ requests: rollup.invocations, gbSeconds: rollup.billedGbSeconds, ...input.pricing }).totalUsd : 0,
    });
  }
  return points;
}
