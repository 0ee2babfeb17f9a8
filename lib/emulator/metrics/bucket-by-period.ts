import { createHistogram, mergeHistogram, type DurationHistogram } from '../../histogram/duration-histogram';

export type MinuteSamples = { /** Epoch seconds, a multiple of 60. */ minute: number; samples: DurationHistogram };
export type PeriodSamples = { /** Epoch seconds, a multiple of the period. */ timestamp: number; samples: DurationHistogram };

export type BucketByPeriodOptions = {
  minutes: Iterable<MinuteSamples>;
  /** Epoch seconds, inclusive; rounded down to the minute as CloudWatch does. */
  startTime: number;
  /** Epoch seconds, exclusive. */
  endTime: number;
  /** Seconds, a multiple of 60. */
  period: number;
};

/**
 * Merges per-minute samples into periods aligned to multiples of `period` since the epoch,
 * oldest first. Only periods holding data appear: CloudWatch returns no datapoint, not a zero,
 * for a period without samples.
 */
export function bucketByPeriod(options: BucketByPeriodOptions): PeriodSamples[] {
  const from = Math.floor(options.startTime / 60) * 60;
  const periods = new Map<number, DurationHistogram>();
  for (const { minute, samples } of options.minutes) {
    if (minute < from || minute >= options.endTime || samples.count === 0) continue;
    const timestamp = Math.floor(minute / options.period) * options.period;
    let merged = periods.get(timestamp);
    if (!merged) {
      merged = createHistogram();
      periods.set(timestamp, merged);
    }
    mergeHistogram(merged, samples);
  }
  return [...periods]
    .sort(([a], [b]) => a - b)
    .map(([timestamp, samples]) => ({ timestamp, samples }));
}
