import { bucketValue, createHistogram, type DurationHistogram } from './duration-histogram';

/**
 * A histogram's buckets as one integer array: `[zeroCount, index₁, count₁, index₂, count₂, …]`.
 * Count, sum, minimum and maximum live in columns of their own, so only the buckets are encoded.
 */
export function encodeHistogramBuckets(histogram: DurationHistogram): number[] {
  const encoded = [histogram.zeroCount];
  for (const index of [...histogram.buckets.keys()].sort((a, b) => a - b)) {
    encoded.push(index, histogram.buckets.get(index) ?? 0);
  }
  return encoded;
}

/**
 * The same as the text a rollup's `duration_histogram` column holds ("3,-12,1,40,7"), which
 * mergeHistogramText reads back, alone or many joined by `;`.
 */
export function encodeHistogramText(histogram: DurationHistogram): string {
  return encodeHistogramBuckets(histogram).join(',');
}

/**
 * The histogram back, its count from the buckets and its extremes estimated from the outermost
 * buckets (the exact sum lives in its own column), so percentiles work on it directly.
 */
export function decodeHistogramBuckets(encoded: readonly number[]): DurationHistogram {
  const histogram = createHistogram();
  histogram.zeroCount = encoded[0] ?? 0;
  histogram.count = histogram.zeroCount;
  for (let position = 1; position + 1 < encoded.length; position += 2) {
    const index = encoded[position] as number;
    const count = encoded[position + 1] as number;
    histogram.buckets.set(index, count);
    histogram.count += count;
    histogram.min = Math.min(histogram.min, bucketValue(index));
    histogram.max = Math.max(histogram.max, bucketValue(index));
  }
  if (histogram.zeroCount > 0) {
    histogram.min = 0;
    histogram.max = Math.max(histogram.max, 0);
  }
  return histogram;
}
