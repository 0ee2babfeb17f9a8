import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openMetricStore, type MetricStore } from '@/lib/emulator/metrics/metric-store';
import { createMetricsQueryService, createMetricsService } from '@/lib/emulator/metrics/metrics-service';
import { headerValue, type RequestHandler } from '@/lib/emulator/protocol/http-types';
import { serveHttp, type RunningServer } from '@/lib/emulator/protocol/serve-http';

/** JSON 1.0 requests carry X-Amz-Target; awsQuery ones are form posts naming an Action. */
function metricsHandler(store: MetricStore): RequestHandler {
  const json = createMetricsService({ store });
  const query = createMetricsQueryService({ store });
  return async (request) => {
    const target = headerValue(request.headers, 'x-amz-target');
    if (target !== undefined && json.matches(target)) return json.handle(request);
    if (query.matches(request)) return query.handle(request);
    return { status: 404, body: { message: `no route for ${request.method} ${request.path}` } };
  };
}

async function serveMetrics(store: MetricStore): Promise<{ server: RunningServer; client: CloudWatchClient }> {
  const server = await serveHttp({ host: '127.0.0.1', port: 0, handler: metricsHandler(store), maxBodyBytes: 1_000_000 });
  const client = new CloudWatchClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return { server, client };
}

const MINUTE = 60_000;
// Two hours ago on an hour boundary, so every period size used here starts at `base`.
const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const at = (minutes: number) => new Date(base + minutes * MINUTE);
const functionName = `metrics-sdk-${randomUUID().slice(0, 8)}`;
const resource = `${functionName}:live`;

/** What the scheduler would report for a few minutes of traffic. */
function recordTraffic(store: MetricStore): void {
  const invoke = (minute: number, durationMs: number, options: { error?: boolean; alias?: boolean } = {}) =>
    store.recordInvocation({
      functionName,
      ...(options.alias ? { resource } : {}),
      timestamp: base + minute * MINUTE + 1_000,
      durationMs,
      error: options.error ?? false,
    });
  invoke(0, 10, { alias: true });
  invoke(0, 20, { alias: true, error: true });
  invoke(0, 30);
  invoke(0, 40);
  invoke(1, 100);
  invoke(1, 200, { error: true });
  invoke(5, 5);
  for (let duration = 1; duration <= 1000; duration += 1) invoke(10, duration);
  for (let count = 0; count < 3; count += 1) store.recordThrottle({ functionName, timestamp: base + MINUTE + 2_000 });
  for (const [minute, concurrent, accountConcurrent] of [[0, 1, 4], [0, 3, 9], [0, 2, 5], [1, 2, 2]] as const) {
    store.recordConcurrency({ functionName, timestamp: base + minute * MINUTE + 3_000, concurrent, accountConcurrent });
  }
}

const fnDimensions = [{ Name: 'FunctionName', Value: functionName }];
const query = (Id: string, MetricName: string, Stat: string, Period = 60, Dimensions = fnDimensions): MetricDataQuery => ({
  Id,
  MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName, Dimensions }, Period, Stat },
});
const window = { StartTime: at(0), EndTime: at(60) };

let store: MetricStore;
let server: RunningServer;
let client: CloudWatchClient;

beforeAll(async () => {
  store = await openMetricStore({ dir: null });
  recordTraffic(store);
  ({ server, client } = await serveMetrics(store));
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await store?.close();
});

type Series = { id: string; timestamps: number[]; values: number[] };
async function getSeries(input: GetMetricDataCommandInput, using = client): Promise<Series[]> {
  const output = await using.send(new GetMetricDataCommand(input));
  expect(output.Messages).toEqual([]);
  return (output.MetricDataResults ?? []).map((result) => {
    expect(result.StatusCode).toBe('Complete');
    for (const timestamp of result.Timestamps ?? []) expect(timestamp).toBeInstanceOf(Date);
    return {
      id: result.Id ?? '',
      timestamps: (result.Timestamps ?? []).map((timestamp) => (timestamp.getTime() - base) / MINUTE),
      values: (result.Values ?? []).map((value) => Math.round(value * 10_000) / 10_000),
    };
  });
}

describe('CloudWatch metrics through @aws-sdk/client-cloudwatch', () => {
  test('GetMetricData answers several queries at once, newest first by default (minutes since base)', async () => {
    const series = await getSeries({
      ...window,
      MetricDataQueries: [
        query('invocations', 'Invocations', 'Sum'),
        query('errors', 'Errors', 'Sum', 300),
        query('errorRate', 'Errors', 'Average', 3600),
        query('average', 'Duration', 'Average', 300),
        query('maximum', 'Duration', 'Maximum', 300),
        query('samples', 'Duration', 'SampleCount', 3600),
        query('throttles', 'Throttles', 'Sum'),
        query('concurrency', 'ConcurrentExecutions', 'Maximum'),
        query('account', 'ConcurrentExecutions', 'Maximum', 60, []),
        query('alias', 'Invocations', 'Sum', 60, [...fnDimensions, { Name: 'Resource', Value: resource }]),
        query('absent', 'Invocations', 'Sum', 60, [{ Name: 'FunctionName', Value: 'no-such-function' }]),
      ],
    });
    expect(series).toEqual([
      { id: 'invocations', timestamps: [10, 5, 1, 0], values: [1000, 1, 2, 4] },
      { id: 'errors', timestamps: [10, 5, 0], values: [0, 0, 2] },
      { id: 'errorRate', timestamps: [0], values: [0.002] },
      { id: 'average', timestamps: [10, 5, 0], values: [500.5, 5, 66.6667] },
      { id: 'maximum', timestamps: [10, 5, 0], values: [1000, 5, 200] },
      { id: 'samples', timestamps: [0], values: [1007] },
      { id: 'throttles', timestamps: [1], values: [3] },
      { id: 'concurrency', timestamps: [1, 0], values: [2, 3] },
      { id: 'account', timestamps: [1, 0], values: [2, 9] },
      { id: 'alias', timestamps: [0], values: [2] },
      { id: 'absent', timestamps: [], values: [] },
    ]);
  });

  test('percentiles come within 1 % of the exact value, oldest first with TimestampAscending', async () => {
    const [p99, p50] = await getSeries({
      StartTime: at(10),
      EndTime: at(11),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [query('p99', 'Duration', 'p99'), query('p50', 'Duration', 'p50.0')],
    });
    expect(p99?.timestamps).toEqual([10]);
    expect(Math.abs((p99?.values[0] ?? 0) - 990)).toBeLessThanOrEqual(9.9);
    expect(Math.abs((p50?.values[0] ?? 0) - 500)).toBeLessThanOrEqual(5);
  });

  test('Label defaults to the metric name, ReturnData false leaves a query out', async () => {
    const output = await client.send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: [
          { ...query('named', 'Duration', 'Sum'), Label: 'my <label> & more' },
          query('unnamed', 'Duration', 'Sum'),
          { ...query('hidden', 'Duration', 'Sum'), ReturnData: false },
        ],
      }),
    );
    expect(output.MetricDataResults?.map(({ Id, Label }) => [Id, Label])).toEqual([
      ['named', 'my <label> & more'],
      ['unnamed', 'Duration'],
    ]);
  });

  test('MaxDatapoints pages through NextToken without losing or repeating a datapoint', async () => {
    const input = { ...window, MaxDatapoints: 3, MetricDataQueries: [query('a', 'Invocations', 'Sum'), query('b', 'Throttles', 'Sum')] };
    const pages = [];
    let NextToken: string | undefined;
    do {
      const output = await client.send(new GetMetricDataCommand({ ...input, NextToken }));
      pages.push(output.MetricDataResults?.map((result) => [result.Id, result.StatusCode, result.Values]));
      NextToken = output.NextToken;
    } while (NextToken && pages.length < 5);
    expect(pages).toEqual([
      [['a', 'PartialData', [1000, 1, 2]], ['b', 'PartialData', []]],
      [['a', 'Complete', [4]], ['b', 'Complete', [3]]],
    ]);
  });

  test('ListMetrics lists each dimension set a function published, filtered by name and dimension', async () => {
    const output = await client.send(new ListMetricsCommand({ Namespace: 'AWS/Lambda', Dimensions: [{ Name: 'FunctionName', Value: functionName }] }));
    const listed = (output.Metrics ?? []).map(({ MetricName, Dimensions }) => `${MetricName} ${(Dimensions ?? []).map((d) => d.Name).join('+')}`);
    expect(listed.sort()).toEqual([
      'ConcurrentExecutions FunctionName',
      'Duration FunctionName',
      'Duration FunctionName+Resource',
      'Errors FunctionName',
      'Errors FunctionName+Resource',
      'Invocations FunctionName',
      'Invocations FunctionName+Resource',
      'Throttles FunctionName',
    ]);
    const byResource = await client.send(
      new ListMetricsCommand({ MetricName: 'Invocations', Dimensions: [{ Name: 'Resource', Value: resource }] }),
    );
    expect(byResource.Metrics).toEqual([
      { Namespace: 'AWS/Lambda', MetricName: 'Invocations', Dimensions: [...fnDimensions, { Name: 'Resource', Value: resource }] },
    ]);
    const accountWide = await client.send(new ListMetricsCommand({ Namespace: 'AWS/Lambda', MetricName: 'ConcurrentExecutions' }));
    expect(accountWide.Metrics?.map(({ Dimensions }) => Dimensions?.length).sort()).toEqual([0, 1]);
  });

  test('GetMetricStatistics returns the asked statistics, percentiles and unit per period', async () => {
    const output = await client.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Lambda',
        MetricName: 'Duration',
        Dimensions: fnDimensions,
        ...window,
        Period: 300,
        Statistics: ['Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum'],
        ExtendedStatistics: ['p100'],
      }),
    );
    expect(output.Label).toBe('Duration');
    expect(output.Datapoints?.map(({ Timestamp, ...datapoint }) => ({ minute: ((Timestamp?.getTime() ?? 0) - base) / MINUTE, ...datapoint }))).toEqual([
      { minute: 0, Sum: 400, Average: 400 / 6, SampleCount: 6, Minimum: 10, Maximum: 200, Unit: 'Milliseconds', ExtendedStatistics: { p100: 200 } },
      { minute: 5, Sum: 5, Average: 5, SampleCount: 1, Minimum: 5, Maximum: 5, Unit: 'Milliseconds', ExtendedStatistics: { p100: 5 } },
      { minute: 10, Sum: 500_500, Average: 500.5, SampleCount: 1000, Minimum: 1, Maximum: 1000, Unit: 'Milliseconds', ExtendedStatistics: { p100: 1000 } },
    ]);
    const counts = await client.send(
      new GetMetricStatisticsCommand({ Namespace: 'AWS/Lambda', MetricName: 'Invocations', ...window, Period: 3600, Statistics: ['Sum'] }),
    );
    expect(counts.Datapoints).toEqual([{ Timestamp: at(0), Sum: 1007, Unit: 'Count' }]);
  });

  const stat = (overrides: Partial<MetricDataQuery>) => ({ ...window, MetricDataQueries: [{ ...query('m', 'Duration', 'Sum'), ...overrides }] });
  const metricStat = (overrides: Record<string, unknown>) =>
    stat({ MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Duration' }, Period: 60, Stat: 'Sum', ...overrides } });
  const statistics = { Namespace: 'AWS/Lambda', MetricName: 'Duration', ...window, Period: 60 };

  test.each([
    ['a period not a multiple of 60', new GetMetricDataCommand(metricStat({ Period: 90 })), 'InvalidParameterValueException', /period/],
    ['an Id starting upper-case', new GetMetricDataCommand(stat({ Id: 'Bad' })), 'InvalidParameterValueException', /lowercase/],
    ['an unknown statistic', new GetMetricDataCommand(metricStat({ Stat: 'p101' })), 'InvalidParameterValueException', /stat/],
    ['an expression', new GetMetricDataCommand(stat({ MetricStat: undefined, Expression: 'SUM(METRICS())' })), 'InvalidParameterValueException', /not supported/],
    ['StartTime after EndTime', new GetMetricDataCommand({ ...stat({}), StartTime: at(5), EndTime: at(1) }), 'InvalidParameterValueException', /StartTime/],
    ['a duplicate Id', new GetMetricDataCommand({ ...window, MetricDataQueries: [query('m', 'Errors', 'Sum'), query('m', 'Errors', 'Sum')] }), 'InvalidParameterValueException', /unique/],
    ['a forged NextToken', new GetMetricDataCommand({ ...stat({}), NextToken: 'not-a-token' }), 'InvalidNextToken', /NextToken/],
    ['no statistics', new GetMetricStatisticsCommand(statistics), 'InvalidParameterCombinationException', /Statistics/],
    ['too many datapoints', new GetMetricStatisticsCommand({ ...statistics, StartTime: at(-2000), Statistics: ['Sum'] }), 'InvalidParameterCombinationException', /1440/],
    ['a missing Period', new GetMetricStatisticsCommand({ ...statistics, Period: undefined, Statistics: ['Sum'] }), 'MissingRequiredParameterException', /Period is required/],
  ] as const)('%s is refused with %s', async (_name, command, errorName, message) => {
    // Each row is a different command type; send() is typed per command, so widen here.
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const error = await send(command).then(
      () => expect.unreachable('the call should fail'),
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ name: errorName, $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(message);
  });
});

describe('metric persistence', () => {
  test('a store reopened from its directory answers as before it closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambdascope-metrics-'));
    try {
      const input = {
        ...window,
        MetricDataQueries: [query('invocations', 'Invocations', 'Sum'), query('p99', 'Duration', 'p99', 3600), query('concurrency', 'ConcurrentExecutions', 'Maximum')],
      };
      const first = await openMetricStore({ dir });
      recordTraffic(first);
      const before = await serveMetrics(first);
      const expected = await getSeries(input, before.client);
      before.client.destroy();
      await before.server.close();
      await first.close();
      expect(await readdir(dir)).toEqual(['metrics.json']);

      const reopened = await openMetricStore({ dir });
      const after = await serveMetrics(reopened);
      try {
        expect(await getSeries(input, after.client)).toEqual(expected);
        expect(expected[0]?.values).toEqual([1000, 1, 2, 4]);
      } finally {
        after.client.destroy();
        await after.server.close();
        await reopened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a snapshot is written within the flush interval, without close()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambdascope-metrics-'));
    try {
      const live = await openMetricStore({ dir, flushIntervalMs: 50 });
      live.recordThrottle({ functionName, timestamp: base });
      await expect.poll(() => readdir(dir), { timeout: 2_000 }).toEqual(['metrics.json']);
      const copy = await openMetricStore({ dir: dir });
      expect(copy.findSeries({ namespace: 'AWS/Lambda', metricName: 'Throttles', dimensions: fnDimensions })?.minutes.size).toBe(1);
      await copy.close();
      await live.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
