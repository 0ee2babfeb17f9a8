import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { PrismaClient } from '../db/create-prisma-client';
import { writeMetricMinutes, type MetricMinute } from '../store/write-metric-minutes';

/** GetMetricData takes at most 500 queries: two per function. */
const FUNCTIONS_PER_CALL = 250;

/**
 * Throttles and concurrency never reach the logs: they come from CloudWatch (AWS/Lambda Throttles
 * Sum and ConcurrentExecutions Maximum per function, one-minute periods), one code path for AWS
 * and the emulator, stored per function-minute and per function-hour. Re-polling a minute overwrites it with CloudWatch's
 * latest value, so late datapoints correct themselves.
 */
export async function pollFunctionMetrics(
  prisma: PrismaClient,
  options: { cloudwatch: CloudWatchClient; functions: ReadonlyArray<{ id: number; name: string }>; startTime: Date; endTime: Date },
): Promise<number> {
  let stored = 0;
  for (let offset = 0; offset < options.functions.length; offset += FUNCTIONS_PER_CALL) {
    const slice = options.functions.slice(offset, offset + FUNCTIONS_PER_CALL);
    const queries: MetricDataQuery[] = slice.flatMap((fn, index) => [
      query(`t${index}`, fn.name, 'Throttles', 'Sum'),
      query(`c${index}`, fn.name, 'ConcurrentExecutions', 'Maximum'),
    ]);
    const minutes = new Map<string, MetricMinute>();
    let nextToken: string | undefined;
    do {
      const page = await options.cloudwatch.send(
        new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: options.startTime, EndTime: options.endTime, ...(nextToken ? { NextToken: nextToken } : {}) }),
      );
      nextToken = page.NextToken;
      for (const series of page.MetricDataResults ?? []) {
        const fn = slice[Number(series.Id?.slice(1))];
        if (!fn) continue;
        (series.Timestamps ?? []).forEach((timestamp, position) => {
          const key = `${fn.id}:${timestamp.getTime()}`;
          const entry = minutes.get(key) ?? { functionId: fn.id, minute: timestamp, throttles: 0, concurrentExecutions: 0 };
          const value = series.Values?.[position] ?? 0;
          if (series.Id?.startsWith('t')) entry.throttles = value;
          else entry.concurrentExecutions = value;
          minutes.set(key, entry);
        });
      }
    } while (nextToken);
    const rows = [...minutes.values()];
    if (rows.length === 0) continue;
    await writeMetricMinutes(prisma, rows);
    stored += rows.length;
  }
  return stored;
}

function query(id: string, functionName: string, metricName: string, stat: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/Lambda', MetricName: metricName, Dimensions: [{ Name: 'FunctionName', Value: functionName }] },
      Period: 60,
      Stat: stat,
    },
  };
}
