import type { DurationHistogram } from '../../histogram/duration-histogram';

export type Dimension = { Name: string; Value: string };
export type MetricUnit = 'Count' | 'Milliseconds';

/** One CloudWatch metric (namespace + name + exact dimension set) and its per-minute samples. */
export type MetricSeries = {
  namespace: string;
  metricName: string;
  /** Sorted by name, the order the store publishes and answers them in. */
  dimensions: Dimension[];
  unit: MetricUnit;
  /** Epoch seconds of the minute → that minute's samples. */
  minutes: Map<number, DurationHistogram>;
};

export type MetricIdentity = { namespace: string; metricName: string; dimensions: readonly Dimension[] };

/**
 * The lookup key of a metric. CloudWatch treats each exact dimension set as its own metric, in
 * any order, so dimensions are sorted; JSON keeps names and values containing separators apart.
 */
export function seriesKey(metric: MetricIdentity): string {
  const dimensions = [...metric.dimensions].sort(compareDimensions).map((dimension) => [dimension.Name, dimension.Value]);
  return JSON.stringify([metric.namespace, metric.metricName, dimensions]);
}

export function compareDimensions(a: Dimension, b: Dimension): number {
  return a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : a.Value < b.Value ? -1 : a.Value > b.Value ? 1 : 0;
}
