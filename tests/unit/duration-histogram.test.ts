import { describe, expect, test } from 'vitest';
import {
  addSample,
  createHistogram,
  histogramPercentile,
  mergeHistogram,
  type DurationHistogram,
} from '@/lib/histogram/duration-histogram';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const distributions: Record<string, (random: () => number) => number> = {
  'uniform 0–1000 ms': (random) => random() * 1000,
  'log-normal around 40 ms': (random) => Math.exp(Math.log(40) + 1.2 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())),
  'exponential, mean 5 ms': (random) => -5 * Math.log(1 - random()),
  'sub-millisecond': (random) => 0.001 + random() * 0.5,
  'whole milliseconds with zeros': (random) => Math.floor(random() * 20),
  'constant 250 ms': () => 250,
};

const PERCENTILES = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];

function exactPercentile(sorted: number[], percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function histogramOf(values: number[]): DurationHistogram {
  const histogram = createHistogram();
  for (const value of values) addSample(histogram, value);
  return histogram;
}

function expectWithinOnePercent(estimate: number | undefined, exact: number): void {
  expect(estimate).toBeDefined();
  expect(Math.abs((estimate as number) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 0.01);
}

describe('duration histogram', () => {
  test.each(Object.entries(distributions).flatMap(([name, draw]) => [1, 7, 1000, 20_000].map((size) => [name, size, draw] as const)))(
    '%s, %i samples: every percentile within 1 % of the exact sorted value',
    (_name, size, draw) => {
      const random = seededRandom(size);
      const values = Array.from({ length: size }, () => draw(random));
      const sorted = [...values].sort((a, b) => a - b);
      const histogram = histogramOf(values);
      for (const percentile of PERCENTILES) {
        expectWithinOnePercent(histogramPercentile(histogram, percentile), exactPercentile(sorted, percentile));
      }
    },
  );

  test.each(Object.entries(distributions))('%s: merging halves answers as one histogram of all samples', (_name, draw) => {
    const random = seededRandom(42);
    const values = Array.from({ length: 5000 }, () => draw(random));
    const sorted = [...values].sort((a, b) => a - b);
    const merged = histogramOf(values.slice(0, 1234));
    mergeHistogram(merged, histogramOf(values.slice(1234)));
    const whole = histogramOf(values);
    expect(merged.count).toBe(whole.count);
    expect(merged.sum).toBeCloseTo(whole.sum, 6);
    expect([merged.min, merged.max]).toEqual([sorted[0], sorted.at(-1)]);
    for (const percentile of PERCENTILES) {
      expect(histogramPercentile(merged, percentile)).toBe(histogramPercentile(whole, percentile));
      expectWithinOnePercent(histogramPercentile(merged, percentile), exactPercentile(sorted, percentile));
    }
  });

  test.each([
    { name: 'empty', values: [], percentile: 50, expected: undefined },
    { name: 'single value', values: [12.5], percentile: 99, expected: 12.5 },
    { name: 'p0 is the exact minimum', values: [3, 1.234, 9], percentile: 0, expected: 1.234 },
    { name: 'p100 is the exact maximum', values: [3, 1.234, 9.876], percentile: 100, expected: 9.876 },
    { name: 'all zeros', values: [0, 0, 0], percentile: 50, expected: 0 },
  ])('$name', ({ values, percentile, expected }) => {
    expect(histogramPercentile(histogramOf(values), percentile)).toBe(expected);
  });

  test('merging an empty histogram changes nothing', () => {
    const histogram = histogramOf([5, 6, 7]);
    mergeHistogram(histogram, createHistogram());
    expect({ ...histogram, buckets: histogram.buckets.size }).toEqual({ count: 3, sum: 18, min: 5, max: 7, zeroCount: 0, buckets: 3 });
  });
});
