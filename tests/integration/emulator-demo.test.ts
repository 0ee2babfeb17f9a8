import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_ON_FAILURE_DESTINATION } from '../../lib/emulator/demo/demo-functions';
import { deployDemo } from '../../lib/emulator/demo/deploy-demo';
import { driveDemoRound } from '../../lib/emulator/demo/drive-demo-traffic';
import type { StoredDestinationRecord } from '../../lib/emulator/scheduler/destination-store';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { readLogEvents } from '../support/deploy-function';
import { sdkClients } from '../support/sdk-clients';

let emulator: RunningEmulator;
let clients: ReturnType<typeof sdkClients>;
const messages = async (functionName: string) =>
  (await readLogEvents(clients.logs, functionName)).map((event) => event.message ?? '');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, timeScale: 0.01 });
  clients = sdkClients(emulator.url);
  await deployDemo(clients.lambda);
  // Six rounds reach every periodic case: a slow call (4), a failing order (5), an out-of-memory run (6).
  for (let round = 1; round <= 6; round += 1) await driveDemoRound(clients.lambda, round);
  // The failing order's two retries, 0.6 s and 1.2 s apart at this time scale.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
}, 120_000);

afterAll(async () => {
  await emulator.close();
});

test('cold and warm starts', async () => {
  const reports = (await messages('demo-api')).filter((message) => message.startsWith('REPORT'));
  expect(reports.some((report) => report.includes('Init Duration'))).toBe(true);
  expect(reports.some((report) => !report.includes('Init Duration'))).toBe(true);
});

test('the weighted alias runs a published version', async () => {
  const starts = (await messages('demo-api')).filter((message) => message.startsWith('START'));
  expect(starts.some((start) => / Version: [12]\n$/.test(start))).toBe(true);
});

test('errors retried asynchronously end in the on-failure destination', async () => {
  const response = await fetch(`${emulator.url}/_lambdascope/destinations?destination=${encodeURIComponent(DEMO_ON_FAILURE_DESTINATION)}`);
  const { Records } = (await response.json()) as { Records: StoredDestinationRecord[] };
  expect(Records.some((stored) => stored.record.requestContext.condition === 'RetriesExhausted')).toBe(true);
  expect(Records.every((stored) => stored.record.requestContext.approximateInvokeCount === 3)).toBe(true);
});

test('throttling under a burst, counted by the Throttles metric', async () => {
  const now = Date.now();
  const result = await clients.cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(now - 3_600_000),
      EndTime: new Date(now + 60_000),
      MetricDataQueries: [
        {
          Id: 'throttles',
          MetricStat: {
            Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName', Value: 'demo-throttled' }] },
            Period: 3600,
            Stat: 'Sum',
          },
        },
      ],
    }),
  );
  const total = (result.MetricDataResults?.[0]?.Values ?? []).reduce((sum, value) => sum + value, 0);
  expect(total).toBeGreaterThan(0);
});

test('a timeout, an out-of-memory kill, JSON logs and Python logs', async () => {
  expect((await messages('demo-slow')).some((message) => message.includes('Task timed out after 1.00 seconds'))).toBe(true);
  expect((await messages('demo-memory-hog')).some((message) => message.includes('Error Type: Runtime.OutOfMemory'))).toBe(true);
  expect((await messages('demo-json-logs')).some((message) => message.startsWith('{"time":') && message.includes('"type":"platform.report"'))).toBe(true);
  expect((await messages('demo-python')).some((message) => message.startsWith('[INFO]\t'))).toBe(true);
});
