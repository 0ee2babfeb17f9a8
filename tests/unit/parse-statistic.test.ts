import { describe, expect, test } from 'vitest';
import { computeStatistic } from '@/lib/emulator/metrics/compute-statistic';
import { addSample, createHistogram } from '@/lib/histogram/duration-histogram';
import { parseStatistic } from '@/lib/emulator/metrics/parse-statistic';

describe('parseStatistic', () => {
  test.each([
    ['Sum', { kind: 'Sum' }],
    ['SampleCount', { kind: 'SampleCount' }],
    ['p99', { kind: 'percentile', percentile: 99 }],
    ['p99.9', { kind: 'percentile', percentile: 99.9 }],
    ['p99.99', { kind: 'percentile', percentile: 99.99 }],
    ['p0.0', { kind: 'percentile', percentile: 0 }],
    ['p100', { kind: 'percentile', percentile: 100 }],
    ['p100.5', null],
    ['p101', null],
    ['p99.999', null],
    ['P99', null],
    ['sum', null],
    ['tm99', null],
    ['', null],
  ])('%s', (text, expected) => {
    expect(parseStatistic(text)).toEqual(expected);
  });
});

describe('computeStatistic', () => {
  const samples = createHistogram();
  for (const value of [10, 20, 30, 40]) addSample(samples, value);
  test.each([
    ['Sum', 100],
    ['Average', 25],
    ['Minimum', 10],
    ['Maximum', 40],
    ['SampleCount', 4],
    ['p50', 20],
    ['p100', 40],
  ])('%s', (text, expected) => {
    const statistic = parseStatistic(text);
    if (!statistic) throw new Error(`${text} should parse`);
    expect(computeStatistic(samples, statistic)).toBeCloseTo(expected, 0);
  });
});
