import { bucketByPeriod, type PeriodSamples } from './bucket-by-period';
import type { MetricStore } from './metric-store';
import type { MetricIdentity, MetricUnit } from './metric-series';

export type ReadPeriodSamplesOptions = {
  metric: MetricIdentity;
  /** When given, a series recorded in another unit has no data: CloudWatch does not convert units. */
  unit?: string | undefined;
  /** Epoch seconds: inclusive start, exclusive end. */
  startTime: number;
  endTime: number;
  period: number;
};

export type MetricPeriods = { unit: MetricUnit | null; periods: PeriodSamples[] };

/** One metric's samples merged per period, oldest first; no periods when the metric was never recorded. */
export function readPeriodSamples(store: MetricStore, options: ReadPeriodSamplesOptions): MetricPeriods {
  const series = store.findSeries(options.metric);
  if (!series || (options.unit !== undefined && options.unit !== series.unit)) return { unit: null, periods: [] };
  const minutes = [...series.minutes].map(([minute, samples]) => ({ minute, samples }));
  return { unit: series.unit, periods: bucketByPeriod({ ...options, minutes }) };
}
