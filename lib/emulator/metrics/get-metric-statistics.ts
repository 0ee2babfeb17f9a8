import type { Datapoint, GetMetricStatisticsOutput } from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';
import { computeStatistic } from './compute-statistic';
import type { MetricStore } from './metric-store';
import { invalidParameterCombination, invalidParameterValue } from './metrics-errors';
import { dimensionSchema, periodSchema, statisticSchema, timestampSchema } from './metrics-input-schemas';
import { parseMetricsInput } from './parse-metrics-input';
import { parseStatistic, type Statistic } from './parse-statistic';
import { readPeriodSamples } from './read-period-samples';

const BASIC_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
// AWS's limit on one call: "You have requested up to N datapoints, which exceeds the limit of 1440".
const MAX_DATAPOINTS = 1440;

const getMetricStatisticsInputSchema = z.object({
  Namespace: z.string().min(1).max(255),
  MetricName: z.string().min(1).max(255),
  Dimensions: z.array(dimensionSchema).max(30).default([]),
  StartTime: timestampSchema,
  EndTime: timestampSchema,
  Period: periodSchema,
  Statistics: z.array(z.enum(BASIC_STATISTICS)).min(1).max(5).optional(),
  ExtendedStatistics: z.array(statisticSchema.refine((text) => text.startsWith('p'), 'Member must be a percentile')).min(1).max(10).optional(),
  Unit: z.string().optional(),
});

/** GetMetricStatistics: one datapoint per period with data, oldest first, with the statistics asked for. */
export function getMetricStatistics(store: MetricStore, input: unknown): GetMetricStatisticsOutput {
  const request = parseMetricsInput(getMetricStatisticsInputSchema, input);
  if (!request.Statistics && !request.ExtendedStatistics) {
    throw invalidParameterCombination('Must specify either Statistics or ExtendedStatistics.');
  }
  const startTime = request.StartTime.getTime() / 1000;
  const endTime = request.EndTime.getTime() / 1000;
  if (startTime >= endTime) throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  const requested = Math.ceil((endTime - Math.floor(startTime / 60) * 60) / request.Period);
  if (requested > MAX_DATAPOINTS) {
    throw invalidParameterCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }
  const { unit, periods } = readPeriodSamples(store, {
    metric: { namespace: request.Namespace, metricName: request.MetricName, dimensions: request.Dimensions },
    unit: request.Unit,
    startTime,
    endTime,
    period: request.Period,
  });
  const extended = (request.ExtendedStatistics ?? []).map((text) => [text, parseStatistic(text) as Statistic] as const);
  const datapoints = periods.map(({ timestamp, samples }): Datapoint => {
    const datapoint: Datapoint = { Timestamp: new Date(timestamp * 1000), Unit: unit ?? 'None' };
    for (const name of request.Statistics ?? []) datapoint[name] = computeStatistic(samples, { kind: name });
    if (extended.length > 0) {
      datapoint.ExtendedStatistics = Object.fromEntries(extended.map(([text, statistic]) => [text, computeStatistic(samples, statistic)]));
    }
    return datapoint;
  });
  return { Label: request.MetricName, Datapoints: datapoints };
}
