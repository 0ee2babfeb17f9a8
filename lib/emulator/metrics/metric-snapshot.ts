import { z } from 'zod';
import type { DurationHistogram } from '../../histogram/duration-histogram';
import type { MetricSeries } from './metric-series';

/**
 * The on-disk form of the metric store. Minutes are tuples and histograms index/count pairs to
 * keep a long-running emulator's snapshot small; `version` lets a later format refuse old files.
 */
const minuteSchema = z.tuple([
  z.number(), // minute, epoch seconds
  z.number(), // count
  z.number(), // sum
  z.number(), // min
  z.number(), // max
  z.number(), // zeroCount
  z.array(z.tuple([z.number().int(), z.number()])), // buckets
]);

const snapshotSchema = z.object({
  version: z.literal(1),
  series: z.array(
    z.object({
      namespace: z.string(),
      metricName: z.string(),
      dimensions: z.array(z.object({ Name: z.string(), Value: z.string() })),
      unit: z.enum(['Count', 'Milliseconds']),
      minutes: z.array(minuteSchema),
    }),
  ),
});

export function encodeSnapshot(series: Iterable<MetricSeries>): string {
  const encoded = [...series].map((one) => ({
    namespace: one.namespace,
    metricName: one.metricName,
    dimensions: one.dimensions,
    unit: one.unit,
    minutes: [...one.minutes].map(([minute, h]) => [minute, h.count, h.sum, h.min, h.max, h.zeroCount, [...h.buckets]]),
  }));
  return JSON.stringify({ version: 1, series: encoded });
}

/** Parses a snapshot; throws a plain description of what is wrong (the caller names the file). */
export function decodeSnapshot(text: string): MetricSeries[] {
  const result = snapshotSchema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`not a metrics snapshot: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data.series.map((one) => ({
    ...one,
    minutes: new Map(
      one.minutes.map(([minute, count, sum, min, max, zeroCount, buckets]): [number, DurationHistogram] => [
        minute,
        { count, sum, min, max, zeroCount, buckets: new Map(buckets) },
      ]),
    ),
  }));
}
