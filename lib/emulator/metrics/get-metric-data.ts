import type { GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';
import { computeStatistic } from './compute-statistic';
import type { MetricStore } from './metric-store';
import { invalidNextToken, invalidParameterCombination, invalidParameterValue } from './metrics-errors';
import { metricSchema, periodSchema, statisticSchema, timestampSchema } from './metrics-input-schemas';
import { parseMetricsInput } from './parse-metrics-input';
import { parseStatistic, type Statistic } from './parse-statistic';
import { readPeriodSamples } from './read-period-samples';

const metricDataQuerySchema = z.object({
  Id: z
    .string()
    .max(255)
    .regex(/^[a-z][a-zA-Z0-9_]*$/, 'Member must start with a lowercase letter and hold only letters, digits and underscores'),
  MetricStat: z
    .object({ Metric: metricSchema, Period: periodSchema, Stat: statisticSchema, Unit: z.string().optional() })
    .optional(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().int().optional(),
  AccountId: z.string().optional(),
});

const getMetricDataInputSchema = z.object({
  MetricDataQueries: z.array(metricDataQuerySchema).min(1).max(500),
  StartTime: timestampSchema,
  EndTime: timestampSchema,
  NextToken: z.string().optional(),
  ScanBy: z.enum(['TimestampDescending', 'TimestampAscending']).default('TimestampDescending'),
  MaxDatapoints: z.number().int().positive().default(100_800),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});

const cursorsSchema = z.record(z.string(), z.union([z.number(), z.literal('done')]));

type MetricDataQuery = z.output<typeof metricDataQuerySchema>;
/** Per query Id: the last timestamp (epoch seconds) already returned, or 'done'. */
type Cursors = Record<string, number | 'done'>;

/**
 * GetMetricData for MetricStat queries. MaxDatapoints bounds the whole page, filled query by
 * query in ScanBy order; NextToken carries each query's last returned timestamp, so data recorded
 * between pages does not shift what the next page returns.
 */
export function getMetricData(store: MetricStore, input: unknown): GetMetricDataOutput {
  const request = parseMetricsInput(getMetricDataInputSchema, input);
  const startTime = request.StartTime.getTime() / 1000;
  const endTime = request.EndTime.getTime() / 1000;
  if (startTime >= endTime) throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  requireUniqueIds(request.MetricDataQueries);
  const ascending = request.ScanBy === 'TimestampAscending';
  const cursors = decodeCursors(request.NextToken);
  const nextCursors: Cursors = {};
  let budget = request.MaxDatapoints;
  let hasMore = false;
  const results: MetricDataResult[] = [];

  request.MetricDataQueries.forEach((query, index) => {
    const { stat, statistic } = requireMetricStat(query, index);
    if (query.ReturnData === false) return;
    const cursor = cursors[query.Id];
    const { periods } = readPeriodSamples(store, {
      metric: { namespace: stat.Metric.Namespace, metricName: stat.Metric.MetricName, dimensions: stat.Metric.Dimensions },
      unit: stat.Unit,
      startTime,
      endTime,
      period: stat.Period,
    });
    if (!ascending) periods.reverse();
    const remaining = cursor === 'done' ? [] : periods.filter(({ timestamp }) => isAfter(timestamp, cursor, ascending));
    const page = remaining.slice(0, budget);
    budget -= page.length;
    const complete = page.length === remaining.length;
    if (!complete) hasMore = true;
    const last = page.at(-1)?.timestamp ?? cursor;
    if (complete) nextCursors[query.Id] = 'done';
    else if (last !== undefined) nextCursors[query.Id] = last;
    results.push({
      Id: query.Id,
      Label: query.Label ?? stat.Metric.MetricName,
      Timestamps: page.map(({ timestamp }) => new Date(timestamp * 1000)),
      Values: page.map(({ samples }) => computeStatistic(samples, statistic)),
      StatusCode: complete ? 'Complete' : 'PartialData',
      Messages: [],
    });
  });

  return {
    MetricDataResults: results,
    ...(hasMore ? { NextToken: Buffer.from(JSON.stringify(nextCursors)).toString('base64url') } : {}),
    Messages: [],
  };
}

function requireMetricStat(query: MetricDataQuery, index: number) {
  const name = `MetricDataQueries.member.${index + 1}`;
  if (query.Expression !== undefined && query.MetricStat !== undefined) {
    throw invalidParameterCombination(`${name}: specify either MetricStat or Expression, not both.`);
  }
  if (query.Expression !== undefined) {
    throw invalidParameterValue(
      `${name}.Expression: metric math and Metrics Insights expressions are not supported by the Lambdascope emulator; use MetricStat.`,
    );
  }
  if (!query.MetricStat) throw invalidParameterValue(`${name}: specify MetricStat (Expression is not supported).`);
  return { stat: query.MetricStat, statistic: parseStatistic(query.MetricStat.Stat) as Statistic };
}

function requireUniqueIds(queries: MetricDataQuery[]): void {
  const seen = new Set<string>();
  for (const { Id } of queries) {
    if (seen.has(Id)) throw invalidParameterValue(`The value ${Id} for parameter MetricDataQueries.member.Id is not unique.`);
    seen.add(Id);
  }
}

function isAfter(timestamp: number, cursor: number | undefined, ascending: boolean): boolean {
  if (cursor === undefined) return true;
  return ascending ? timestamp > cursor : timestamp < cursor;
}

function decodeCursors(token: string | undefined): Cursors {
  if (token === undefined) return {};
  try {
    return cursorsSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw invalidNextToken('NextToken is not one this GetMetricData returned.');
  }
}
