import { expect, test } from 'vitest';
import { addSample, createHistogram, histogramPercentile, mergeHistogram } from '../../lib/histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../../lib/histogram/encode-histogram';
import { mergeHistogramText } from '../../lib/histogram/merge-histogram-text';

function encoded(samples: number[]): number[] {
  const histogram = createHistogram();
  for (const sample of samples) addSample(histogram, sample);
  return encodeHistogramBuckets(histogram);
}

test.each([
  { name: 'nothing', histograms: [] as number[][] },
  { name: 'one empty histogram', histograms: [[0]] },
  { name: 'one sample', histograms: [encoded([45])] },
  { name: 'zeros only', histograms: [encoded([0, 0])] },
  { name: 'sub-millisecond durations (negative indexes)', histograms: [encoded([0.01, 0.5]), encoded([0.2])] },
  { name: 'overlapping buckets', histograms: [encoded([1, 2, 3]), encoded([2, 3, 4]), encoded([3])] },
  { name: 'zeros and values', histograms: [encoded([0, 10]), encoded([900_000]), encoded([0])] },
  { name: 'a wide range', histograms: [encoded(Array.from({ length: 200 }, (_, i) => 1.07 ** i)), encoded([7, 7, 7])] },
  { name: 'indexes beyond the dense range', histograms: [[0, -5000, 2, 12, 1, 5000, 3], [1, -5000, 1, 6000, 1]] },
])('$name: the same as decoding and merging each', ({ histograms }) => {
  const expected = createHistogram();
  for (const histogram of histograms) mergeHistogram(expected, decodeHistogramBuckets(histogram));
  const merged = mergeHistogramText(histograms.map((histogram) => histogram.join(',')).join(';'));
  expect(merged).toEqual(expected);
  for (const p of [50, 95, 99]) expect(histogramPercentile(merged, p)).toBe(histogramPercentile(expected, p));
});

test('calls do not leak counts into each other', () => {
  const text = [encoded([1, 2, 3]), encoded([3, 4])].map((histogram) => histogram.join(',')).join(';');
  expect(mergeHistogramText(text)).toEqual(mergeHistogramText(text));
});

test('empty segments (an empty array) are skipped', () => {
  expect(mergeHistogramText(';0,5,2;;')).toEqual(decodeHistogramBuckets([0, 5, 2]));
});
