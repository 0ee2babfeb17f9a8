import { expect, test } from 'vitest';
import { chooseSeriesBucket, MAX_SERIES_POINTS } from '../../../lib/metrics/choose-series-bucket';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

test.each([
  { range: '0 ms', rangeMs: 0, bucket: minute },
  { range: '30 s', rangeMs: 30_000, bucket: minute },
  { range: '15m', rangeMs: 15 * minute, bucket: minute },
  { range: '1h', rangeMs: hour, bucket: minute },
  { range: '5h', rangeMs: 5 * hour, bucket: minute },
  { range: '6h', rangeMs: 6 * hour, bucket: 5 * minute },
  { range: '24h', rangeMs: day, bucket: 5 * minute },
  { range: '2d', rangeMs: 2 * day, bucket: 15 * minute },
  { range: '7d', rangeMs: 7 * day, bucket: hour },
  { range: '30d', rangeMs: 30 * day, bucket: 3 * hour },
  { range: '90d', rangeMs: 90 * day, bucket: 12 * hour },
  { range: '300d', rangeMs: 300 * day, bucket: day },
  { range: '455d', rangeMs: 455 * day, bucket: 2 * day },
  { range: '20 years', rangeMs: 7305 * day, bucket: 25 * day },
])('$range → $bucket ms', ({ rangeMs, bucket }) => {
  expect(chooseSeriesBucket(rangeMs)).toBe(bucket);
});

test.each([1, 59_999, 61 * 60_000, 3 * 3_600_000 + 7, 10 * 86_400_000 + 123, 1e12])('%d ms: whole minutes, at most MAX_SERIES_POINTS buckets', (rangeMs) => {
  const bucket = chooseSeriesBucket(rangeMs);
  expect(bucket % minute).toBe(0);
  expect(Math.ceil(rangeMs / bucket)).toBeLessThanOrEqual(MAX_SERIES_POINTS);
});
