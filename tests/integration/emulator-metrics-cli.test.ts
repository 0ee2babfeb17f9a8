import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openMetricStore, type MetricStore } from '@/lib/emulator/metrics/metric-store';
import { createMetricsQueryService, createMetricsService } from '@/lib/emulator/metrics/metrics-service';
import { headerValue } from '@/lib/emulator/protocol/http-types';
import { serveHttp, type RunningServer } from '@/lib/emulator/protocol/serve-http';
import { AWS_CLI, runAwsCli } from '../support/aws-cli';

const MINUTE = 60_000;
const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const iso = (minutes: number) => new Date(base + minutes * MINUTE).toISOString();
const functionName = `metrics-cli-${randomUUID().slice(0, 8)}`;
const resource = `${functionName}:live`;

let store: MetricStore;
let server: RunningServer;

// The CLI 2.9.x speaks awsQuery to CloudWatch: this drives the query front end.
const runCli = (args: string[]) => runAwsCli(server.url, ['cloudwatch', ...args]);

async function runCliJson(args: string[]): Promise<unknown> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

const minutesOf = (timestamps: string[]) => timestamps.map((timestamp) => (Date.parse(timestamp) - base) / MINUTE);

beforeAll(async () => {
  store = await openMetricStore({ dir: null });
  const invoke = (minute: number, durationMs: number, error = false, alias = false) =>
    store.recordInvocation({ functionName, ...(alias ? { resource } : {}), timestamp: base + minute * MINUTE + 500, durationMs, error });
  invoke(0, 10, false, true);
  invoke(0, 30, true, true);
  invoke(1, 50);
  for (let duration = 1; duration <= 200; duration += 1) invoke(3, duration);
  store.recordThrottle({ functionName, timestamp: base + 2 * MINUTE });
  const json = createMetricsService({ store });
  const query = createMetricsQueryService({ store });
  server = await serveHttp({
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 1_000_000,
    handler: async (request) => {
      const target = headerValue(request.headers, 'x-amz-target');
      if (target !== undefined && json.matches(target)) return json.handle(request);
      if (query.matches(request)) return query.handle(request);
      return { status: 404, body: { message: 'no route' } };
    },
  });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
});

const fnDimension = { Name: 'FunctionName', Value: functionName };
const metricQuery = (Id: string, MetricName: string, Stat: string, Period = 60, Dimensions = [fnDimension]) => ({
  Id,
  MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName, Dimensions }, Period, Stat },
});

describe('CloudWatch metrics through the AWS CLI v2 (awsQuery)', () => {
  test('the AWS CLI v2 is installed where the tests expect it', () => {
    expect(() => accessSync(AWS_CLI, constants.X_OK)).not.toThrow();
  });

  test('get-metric-data answers several queries, in both scan orders', async () => {
    const queries = [
      metricQuery('invocations', 'Invocations', 'Sum'),
      metricQuery('p99', 'Duration', 'p99', 300),
      metricQuery('alias', 'Invocations', 'SampleCount', 60, [fnDimension, { Name: 'Resource', Value: resource }]),
      { ...metricQuery('account', 'Errors', 'Sum', 3600, []), Label: 'Errors & <all>' },
    ];
    const args = ['get-metric-data', '--metric-data-queries', JSON.stringify(queries), '--start-time', iso(0), '--end-time', iso(60)];
    const descending = (await runCliJson(args)) as { MetricDataResults: Array<{ Id: string; Label: string; Timestamps: string[]; Values: number[]; StatusCode: string }>; Messages: unknown[] };
    expect(descending.Messages).toEqual([]);
    const shaped = descending.MetricDataResults.map(({ Id, Label, Timestamps, Values, StatusCode }) => ({ Id, Label, minutes: minutesOf(Timestamps), Values, StatusCode }));
    expect(shaped).toEqual([
      { Id: 'invocations', Label: 'Invocations', minutes: [3, 1, 0], Values: [200, 1, 2], StatusCode: 'Complete' },
      { Id: 'p99', Label: 'Duration', minutes: [0], Values: [expect.any(Number)], StatusCode: 'Complete' },
      { Id: 'alias', Label: 'Invocations', minutes: [0], Values: [2], StatusCode: 'Complete' },
      { Id: 'account', Label: 'Errors & <all>', minutes: [0], Values: [1], StatusCode: 'Complete' },
    ]);
    // 203 samples (10, 30, 50 and 1…200): the exact p99, rank 201, is 198.
    expect(Math.abs((shaped[1]?.Values[0] ?? 0) - 198)).toBeLessThanOrEqual(1.98);

    const ascending = (await runCliJson([...args, '--scan-by', 'TimestampAscending'])) as typeof descending;
    expect(minutesOf(ascending.MetricDataResults[0]?.Timestamps ?? [])).toEqual([0, 1, 3]);
  });

  test('list-metrics filters by dimension', async () => {
    const output = (await runCliJson(['list-metrics', '--namespace', 'AWS/Lambda', '--dimensions', `Name=Resource,Value=${resource}`])) as {
      Metrics: Array<{ Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: string }> }>;
    };
    expect(output.Metrics.map(({ MetricName }) => MetricName).sort()).toEqual(['Duration', 'Errors', 'Invocations']);
    expect(output.Metrics[0]?.Dimensions).toEqual([fnDimension, { Name: 'Resource', Value: resource }]);
  });

  test('get-metric-statistics returns statistics, percentiles and units', async () => {
    const output = (await runCliJson([
      'get-metric-statistics',
      '--namespace', 'AWS/Lambda',
      '--metric-name', 'Duration',
      '--dimensions', `Name=FunctionName,Value=${functionName}`,
      '--start-time', iso(0),
      '--end-time', iso(5),
      '--period', '60',
      '--statistics', 'Sum', 'Maximum', 'SampleCount',
      '--extended-statistics', 'p100', 'p50',
    ])) as { Label: string; Datapoints: Array<Record<string, unknown> & { Timestamp: string }> };
    expect(output.Label).toBe('Duration');
    const byMinute = output.Datapoints.map(({ Timestamp, ...datapoint }) => ({ minute: minutesOf([Timestamp])[0], ...datapoint }));
    expect(byMinute).toEqual([
      { minute: 0, Sum: 40, Maximum: 30, SampleCount: 2, Unit: 'Milliseconds', ExtendedStatistics: { p100: 30, p50: expect.any(Number) } },
      { minute: 1, Sum: 50, Maximum: 50, SampleCount: 1, Unit: 'Milliseconds', ExtendedStatistics: { p100: 50, p50: 50 } },
      { minute: 3, Sum: 20_100, Maximum: 200, SampleCount: 200, Unit: 'Milliseconds', ExtendedStatistics: { p100: 200, p50: expect.any(Number) } },
    ]);
    // Nearest rank: p50 of [10, 30] is 10, of 1…200 is 100; the histogram answers within 1 %.
    const p50s = output.Datapoints.map((datapoint) => (datapoint.ExtendedStatistics as { p50: number }).p50);
    expect(p50s.map((p50, index) => Math.abs(p50 - ([10, 50, 100][index] ?? 0)) / p50)).toSatisfy((errors: number[]) => errors.every((error) => error <= 0.01));
  });

  test.each([
    ['a period not a multiple of 60', 'InvalidParameterValue', [metricQuery('m', 'Duration', 'Sum', 61)]],
    ['an Id starting upper-case', 'InvalidParameterValue', [metricQuery('Bad', 'Duration', 'Sum')]],
    ['an expression', 'InvalidParameterValue', [{ Id: 'e', Expression: 'SUM(METRICS())' }]],
  ])('get-metric-data with %s fails with %s', async (_name, code, queries) => {
    const result = await runCli(['get-metric-data', '--metric-data-queries', JSON.stringify(queries), '--start-time', iso(0), '--end-time', iso(60)]);
    expect(result.code).toBe(254);
    expect(result.stderr).toContain(`An error occurred (${code}) when calling the GetMetricData operation`);
  });
});
