import { describe, expect, test } from 'vitest';
import { bucketByPeriod } from '@/lib/emulator/metrics/bucket-by-period';
import { addSample, createHistogram } from '@/lib/histogram/duration-histogram';

const T = 1_700_000_100; // a multiple of 300 (and of 60): 2023-11-14T22:15:00Z

function minutes(entries: Array<[offsetSeconds: number, ...values: number[]]>) {
  return entries.map(([offset, ...values]) => {
    const samples = createHistogram();
    for (const value of values) addSample(samples, value);
    return { minute: T + offset, samples };
  });
}

describe('bucketByPeriod', () => {
  test.each([
    {
      name: '60 s periods keep each minute',
      minutes: [[0, 1], [60, 2, 3], [240, 4]] as Array<[number, ...number[]]>,
      startTime: T, endTime: T + 600, period: 60,
      expected: [[T, 1], [T + 60, 5], [T + 240, 4]],
    },
    {
      name: '300 s periods merge minutes on epoch-aligned boundaries',
      minutes: [[0, 1], [60, 2], [240, 3], [300, 10]] as Array<[number, ...number[]]>,
      startTime: T, endTime: T + 600, period: 300,
      expected: [[T, 6], [T + 300, 10]],
    },
    {
      name: 'periods without data are left out, not zero',
      minutes: [[0, 1], [1200, 1]] as Array<[number, ...number[]]>,
      startTime: T, endTime: T + 1800, period: 300,
      expected: [[T, 1], [T + 1200, 1]],
    },
    {
      name: 'StartTime is inclusive after rounding down to the minute; EndTime is exclusive',
      minutes: [[-60, 100], [0, 1], [60, 2], [120, 3]] as Array<[number, ...number[]]>,
      startTime: T + 59, endTime: T + 120, period: 60,
      expected: [[T, 1], [T + 60, 2]],
    },
    {
      name: 'an unaligned start keeps the epoch-aligned bucket it falls in',
      minutes: [[60, 2], [120, 3], [300, 4]] as Array<[number, ...number[]]>,
      startTime: T + 60, endTime: T + 600, period: 300,
      expected: [[T, 5], [T + 300, 4]],
    },
    {
      name: 'unsorted input comes out oldest first',
      minutes: [[600, 3], [0, 1], [300, 2]] as Array<[number, ...number[]]>,
      startTime: T, endTime: T + 900, period: 300,
      expected: [[T, 1], [T + 300, 2], [T + 600, 3]],
    },
    {
      name: 'an hourly period',
      // T is 22:15, so T + 2640 is 22:59 and T + 2700 the next hour.
      minutes: [[0, 1], [2640, 1], [2700, 7]] as Array<[number, ...number[]]>,
      startTime: T - 3600, endTime: T + 7200, period: 3600,
      expected: [[T - 900, 2], [T + 2700, 7]],
    },
  ])('$name', ({ minutes: entries, startTime, endTime, period, expected }) => {
    const periods = bucketByPeriod({ minutes: minutes(entries), startTime, endTime, period });
    expect(periods.map(({ timestamp, samples }) => [timestamp, samples.sum])).toEqual(expected);
  });
});
