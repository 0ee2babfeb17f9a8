import { histogramPercentile, type DurationHistogram } from '../../histogram/duration-histogram';
import type { Statistic } from './parse-statistic';

/** One statistic of one period's merged samples (which always hold at least one sample). */
export function computeStatistic(samples: DurationHistogram, statistic: Statistic): number {
  switch (statistic.kind) {
    case 'Sum':
      return samples.sum;
    case 'Average':
      return samples.sum / samples.count;
    case 'Minimum':
      return samples.min;
    case 'Maximum':
      return samples.max;
    case 'SampleCount':
      return samples.count;
    case 'percentile':
      return histogramPercentile(samples, statistic.percentile) ?? 0;
  }
}
