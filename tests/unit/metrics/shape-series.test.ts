import { expect, test } from 'vitest';
import { addSample, createHistogram } from '../../../lib/histogram/duration-histogram';
import { estimateCost } from '../../../lib/metrics/estimate-cost';
import { shapeSeries, type RollupBucket } from '../../../lib/metrics/shape-series';

const minute = 60_000;
const t0 = Date.parse('2026-11-22T12:00:00.000Z');
const pricing = { architecture: 'arm64', region: 'eu-west-1' };

function rollup(startMs: number, durations: number[], extra: Partial<RollupBucket> = {}): RollupBucket {
  const histogram = createHistogram();
  for (const duration of durations) addSample(histogram, duration);
  return {
    startMs, invocations: durations.length, errors: 0, timeouts: 0, outOfMemory: 0, coldStarts: 0, retries: 0,
    durationSumMs: durations.reduce((sum, duration) => sum + duration, 0), billedGbSeconds: 0, initDurationSumMs: 0, maxMemoryUsedMB: 0, histogram, ...extra,
  };
}

test.each([
  { name: 'aligned range', since: t0, until: t0 + 15 * minute, bucketMs: 5 * minute, starts: [0, 5, 10] },
  { name: 'since inside a bucket: the bucket holding it comes first', since: t0 + 7 * minute, until: t0 + 15 * minute, bucketMs: 5 * minute, starts: [5, 10] },
  { name: 'until inside a bucket: that bucket is the last', since: t0, until: t0 + 11 * minute + 30_000, bucketMs: 5 * minute, starts: [0, 5, 10] },
  { name: 'seconds in since', since: t0 + 30_000, until: t0 + 3 * minute, bucketMs: minute, starts: [0, 1, 2] },
  { name: 'shorter than a bucket', since: t0 + minute, until: t0 + 2 * minute, bucketMs: 60 * minute, starts: [0] },
])('$name: one point per bucket the range overlaps', ({ since, until, bucketMs, starts }) => {
  const points = shapeSeries({ range: { since: new Date(since), until: new Date(until) }, bucketMs, rollups: [], metrics: [], pricing });
  expect(points.map((point) => (Date.parse(point.start) - t0) / minute)).toEqual(starts);
});

test('gaps are zeros, and nulls for what an empty bucket cannot say', () => {
  const [point] = shapeSeries({ range: { since: new Date(t0), until: new Date(t0 + minute) }, bucketMs: minute, rollups: [], metrics: [], pricing });
  expect(point).toEqual({
    start: '2026-11-22T12:00:00.000Z',
    invocations: 0, errors: 0, timeouts: 0, outOfMemory: 0, throttles: 0, coldStarts: 0, retries: 0,
    durationMs: { p50: null, p95: null, p99: null },
    averageInitDurationMs: null, maxMemoryUsedMB: null, maxConcurrency: null, costUsd: 0,
  });
});

test('a bucket with data: counts, percentiles of its histogram, averages, maxima and cost', () => {
  const durations = Array.from({ length: 100 }, (_, index) => index + 1);
  const points = shapeSeries({
    range: { since: new Date(t0), until: new Date(t0 + 3 * minute) },
    bucketMs: minute,
    rollups: [
      rollup(t0 + minute, durations, {
        errors: 3, timeouts: 1, outOfMemory: 1, coldStarts: 4, retries: 2, billedGbSeconds: 2.5, initDurationSumMs: 800, maxMemoryUsedMB: 300,
      }),
    ],
    metrics: [{ startMs: t0 + minute, throttles: 7, maxConcurrency: 5 }, { startMs: t0 + 2 * minute, throttles: 0, maxConcurrency: 0 }],
    pricing,
  });
  expect(points).toHaveLength(3);
  const busy = points[1];
  expect(busy).toMatchObject({
    start: '2026-11-22T12:01:00.000Z',
    invocations: 100, errors: 3, timeouts: 1, outOfMemory: 1, throttles: 7, coldStarts: 4, retries: 2,
    averageInitDurationMs: 200, maxMemoryUsedMB: 300, maxConcurrency: 5,
    costUsd: estimateCost({ requests: 100, gbSeconds: 2.5, ...pricing }).totalUsd,
  });
  // Nearest-rank percentiles of 1…100 ms are 50, 95 and 99 ms; the histogram answers within 1 %.
  for (const [key, exact] of [['p50', 50], ['p95', 95], ['p99', 99]] as const) {
    expect(Math.abs((busy?.durationMs[key] ?? 0) - exact) / exact).toBeLessThanOrEqual(0.01);
  }
  // Metrics polled but idle: concurrency 0 is known, unlike a bucket with no metrics at all.
  expect(points[2]).toMatchObject({ invocations: 0, throttles: 0, maxConcurrency: 0 });
  expect(points[0]).toMatchObject({ maxConcurrency: null });
});

test('attempts without a REPORT count, but have no duration, memory or init to show', () => {
  const [point] = shapeSeries({
    range: { since: new Date(t0), until: new Date(t0 + minute) },
    bucketMs: minute,
    rollups: [rollup(t0, [], { invocations: 2, errors: 2 })],
    metrics: [],
    pricing,
  });
  expect(point).toMatchObject({ invocations: 2, errors: 2, durationMs: { p50: null, p95: null, p99: null }, maxMemoryUsedMB: null, averageInitDurationMs: null });
});
