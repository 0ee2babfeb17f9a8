import type { ListMetricsOutput, Metric } from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';
import type { MetricStore } from './metric-store';
import { seriesKey, type MetricSeries } from './metric-series';
import { invalidParameterValue } from './metrics-errors';
import { parseMetricsInput } from './parse-metrics-input';

const PAGE_SIZE = 500; // AWS returns up to 500 metrics per call
const RECENTLY_ACTIVE_SECONDS = 3 * 3600;

const listMetricsInputSchema = z.object({
  Namespace: z.string().min(1).max(255).optional(),
  MetricName: z.string().min(1).max(255).optional(),
  Dimensions: z
    .array(z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024).optional() }))
    .max(10)
    .optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.literal('PT3H').optional(),
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

type DimensionFilter = { Name: string; Value?: string | undefined };

/**
 * ListMetrics: a metric matches a dimension filter when it has that dimension (with that value,
 * when one is given), so `FunctionName=f` lists both `{FunctionName}` and `{FunctionName, Resource}`.
 * Metrics come sorted by key so NextToken (the last key returned) pages stably.
 */
export function listMetrics(store: MetricStore, input: unknown): ListMetricsOutput {
  const request = parseMetricsInput(listMetricsInputSchema, input);
  const after = request.NextToken === undefined ? undefined : decodeToken(request.NextToken);
  const activeSince = request.RecentlyActive ? Math.floor(Date.now() / 1000) - RECENTLY_ACTIVE_SECONDS : undefined;
  const matching = store
    .listSeries()
    .filter((series) => request.Namespace === undefined || series.namespace === request.Namespace)
    .filter((series) => request.MetricName === undefined || series.metricName === request.MetricName)
    .filter((series) => (request.Dimensions ?? []).every((filter) => hasDimension(series, filter)))
    .filter((series) => activeSince === undefined || lastMinute(series) >= activeSince)
    .map((series) => ({ key: seriesKey(series), series }))
    .filter(({ key }) => after === undefined || key > after)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const page = matching.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    Metrics: page.map(({ series }): Metric => ({
      Namespace: series.namespace,
      MetricName: series.metricName,
      Dimensions: series.dimensions.map((dimension) => ({ ...dimension })),
    })),
    ...(matching.length > PAGE_SIZE && last ? { NextToken: Buffer.from(last.key).toString('base64url') } : {}),
  };
}

function hasDimension(series: Readonly<MetricSeries>, filter: DimensionFilter): boolean {
  return series.dimensions.some((dimension) => dimension.Name === filter.Name && (filter.Value === undefined || dimension.Value === filter.Value));
}

function lastMinute(series: Readonly<MetricSeries>): number {
  let last = -Infinity;
  for (const minute of series.minutes.keys()) if (minute > last) last = minute;
  return last;
}

function decodeToken(token: string): string {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!key.startsWith('[')) throw invalidParameterValue('The parameter NextToken is not one ListMetrics returned.');
  return key;
}
