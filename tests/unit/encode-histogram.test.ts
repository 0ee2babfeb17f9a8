import { expect, test } from 'vitest';
import { addSample, createHistogram, histogramPercentile, mergeHistogram, RELATIVE_ACCURACY } from '../../lib/histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../../lib/histogram/encode-histogram';

test.each([
  ['empty', []],
  ['zeros and sub-millisecond values', [0, 0, 0.05, 0.4]],
  ['a spread of durations', [1.2, 3.4, 3.4, 17, 250, 999.9, 3000]],
])('%s: decoding the encoding gives the same buckets and count', (_case, values) => {
  const histogram = createHistogram();
  for (const value of values) addSample(histogram, value);
  const decoded = decodeHistogramBuckets(encodeHistogramBuckets(histogram));
  expect(decoded.buckets).toEqual(histogram.buckets);
  expect(decoded.zeroCount).toBe(histogram.zeroCount);
  expect(decoded.count).toBe(values.length);
});

test('percentiles of decoded and merged minutes stay within the accuracy of the exact values', () => {
  const values = Array.from({ length: 5_000 }, (_, index) => 1 + ((index * 7919) % 4000) / 7);
  const minutes = [createHistogram(), createHistogram()];
  values.forEach((value, index) => addSample(minutes[index % 2] as ReturnType<typeof createHistogram>, value));
  const merged = decodeHistogramBuckets(encodeHistogramBuckets(minutes[0] as ReturnType<typeof createHistogram>));
  mergeHistogram(merged, decodeHistogramBuckets(encodeHistogramBuckets(minutes[1] as ReturnType<typeof createHistogram>)));
  const sorted = [...values].sort((a, b) => a - b);
  for (const percentile of [50, 95, 99]) {
    const exact = sorted[Math.ceil((percentile / 100) * sorted.length) - 1] as number;
    const estimate = histogramPercentile(merged, percentile) as number;
    expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
  }
});

test('a minute of only zero durations answers 0 for every percentile', () => {
  const histogram = createHistogram();
  addSample(histogram, 0);
  addSample(histogram, 0);
  const decoded = decodeHistogramBuckets(encodeHistogramBuckets(histogram));
  expect([50, 95, 99, 100].map((percentile) => histogramPercentile(decoded, percentile))).toEqual([0, 0, 0, 0]);
});
