import { getMetricData } from './get-metric-data';
import { getMetricStatistics } from './get-metric-statistics';
import { listMetrics } from './list-metrics';
import type { MetricStore } from './metric-store';

export const METRICS_ACTIONS = ['GetMetricData', 'ListMetrics', 'GetMetricStatistics'] as const;
export type MetricsAction = (typeof METRICS_ACTIONS)[number];

/** An operation's output as the SDK types it (timestamps as Date); each protocol serialises it its own way. */
export type MetricsOperation = (input: unknown) => object;

/** The CloudWatch read operations over one store, shared by the JSON 1.0 and awsQuery front ends. */
export function createMetricsOperations(store: MetricStore): Record<MetricsAction, MetricsOperation> {
  return {
    GetMetricData: (input) => getMetricData(store, input),
    ListMetrics: (input) => listMetrics(store, input),
    GetMetricStatistics: (input) => getMetricStatistics(store, input),
  };
}
