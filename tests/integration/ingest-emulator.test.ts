import { InvokeCommand, PutFunctionConcurrencyCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { runIngestCycle, type IngestSettings } from '../../lib/ingest/run-ingest-cycle';
import { getRequestInvestigation } from '../../lib/metrics/get-request-investigation';
import { deployFunction, invokeSync } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { sdkClients } from '../support/sdk-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let emulator: RunningEmulator;
let database: TestDatabase;
let prisma: PrismaClient;
let sourceId: number;
const names = { ok: uniqueName('ok'), failing: uniqueName('failing'), throttled: uniqueName('throttled'), slow: uniqueName('slow'), hog: uniqueName('hog'), json: uniqueName('json') };
const settings: IngestSettings = { backfillMs: 3_600_000, overlapMs: 300_000, leaseMs: 60_000, metricsLookbackMs: 3_600_000, parallelism: 3, logsCallsPerSecond: 5 };
let failingRequestId = '';

const sleep = (ms: number) => `export const handler = async () => { await new Promise((r) => setTimeout(r, ${ms})); return 'done'; };`;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, timeScale: 0.01 });
  const { lambda } = sdkClients(emulator.url);
  await deployFunction(lambda, names.ok, { 'index.mjs': `export const handler = async (event) => { console.log('order', event.n); return { ok: true }; };` });
  await deployFunction(lambda, names.failing, { 'index.mjs': `export const handler = async () => { throw new Error('payment provider down'); };` });
  await deployFunction(lambda, names.throttled, { 'index.mjs': sleep(500) });
  await deployFunction(lambda, names.slow, { 'index.mjs': sleep(2_000) }, { timeout: 1 });
  await deployFunction(lambda, names.hog, { 'index.mjs': `export const handler = async () => { const held = []; for (;;) { held.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); } };` }, { memorySize: 128 });
  await deployFunction(lambda, names.json, { 'index.mjs': `export const handler = async () => { console.log({ structured: true }); return 1; };` }, { logFormat: 'JSON' });
  await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: names.throttled, ReservedConcurrentExecutions: 1 }));
  await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: names.failing, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:000000000000:failures' } } }));

  for (let n = 0; n < 5; n += 1) await invokeSync(lambda, names.ok, { n });
  const accepted = await lambda.send(new InvokeCommand({ FunctionName: names.failing, InvocationType: 'Event' }));
  failingRequestId = accepted.$metadata.requestId ?? '';
  await Promise.allSettled(Array.from({ length: 4 }, () => lambda.send(new InvokeCommand({ FunctionName: names.throttled }))));
  await invokeSync(lambda, names.slow);
  await invokeSync(lambda, names.hog);
  await invokeSync(lambda, names.json);
  await invokeSync(lambda, names.json);
  // The failing event's two retries, 0.6 s and 1.2 s apart at this time scale, then its on-failure record.
  for (let waited = 0; waited < 15_000; waited += 200) {
    const { Records } = (await (await fetch(`${emulator.url}/_lambdascope/destinations?functionName=${names.failing}`)).json()) as { Records: unknown[] };
    if (Records.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  database = await createTestDatabase('ingest');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: 'local emulator', kind: 'emulator', region: 'us-east-1', endpoint: emulator.url } })).id;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
  await emulator?.close();
});

async function totals(name: string) {
  const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name } });
  const sums = await prisma.functionMinute.aggregate({
    where: { functionId: fn.id },
    _sum: { invocations: true, errors: true, timeouts: true, outOfMemory: true, coldStarts: true, retries: true },
  });
  const throttles = await prisma.functionMetricMinute.aggregate({ where: { functionId: fn.id }, _sum: { throttles: true } });
  return { ...sums._sum, throttles: throttles._sum.throttles ?? 0 };
}

test('one ingest cycle turns the scripted traffic into exactly the expected counts', async () => {
  const cycle = await runIngestCycle(prisma, { sourceId, owner: 'test-worker', settings });
  expect(cycle.errors).toEqual([]);
  expect(cycle.functions).toBeGreaterThanOrEqual(6);
  expect(cycle.inserted).toBe(cycle.events);

  expect(await totals(names.ok)).toEqual({ invocations: 5, errors: 0, timeouts: 0, outOfMemory: 0, coldStarts: 1, retries: 0, throttles: 0 });
  expect(await totals(names.failing)).toEqual({ invocations: 3, errors: 3, timeouts: 0, outOfMemory: 0, coldStarts: 1, retries: 2, throttles: 0 });
  expect(await totals(names.throttled)).toEqual({ invocations: 1, errors: 0, timeouts: 0, outOfMemory: 0, coldStarts: 1, retries: 0, throttles: 3 });
  expect(await totals(names.slow)).toEqual({ invocations: 1, errors: 1, timeouts: 1, outOfMemory: 0, coldStarts: 1, retries: 0, throttles: 0 });
  expect(await totals(names.hog)).toEqual({ invocations: 1, errors: 1, timeouts: 0, outOfMemory: 1, coldStarts: 1, retries: 0, throttles: 0 });
  expect(await totals(names.json)).toEqual({ invocations: 2, errors: 0, timeouts: 0, outOfMemory: 0, coldStarts: 1, retries: 0, throttles: 0 });
});

test('the failing async invoke is one invocation of three attempts under one request id', async () => {
  const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name: names.failing } });
  const invocations = await prisma.invocation.findMany({ where: { functionId: fn.id } });
  expect(invocations).toHaveLength(1);
  expect(invocations[0]).toMatchObject({ attemptCount: 3, finalStatus: 'error' });
  if (failingRequestId) expect(invocations[0]?.requestId).toBe(failingRequestId);
  const attempts = await prisma.attempt.findMany({ where: { functionId: fn.id }, orderBy: { startedAt: 'asc' } });
  expect(attempts.map((attempt) => [attempt.status, attempt.errorType, attempt.errorMessage])).toEqual([
    ['error', 'Error', 'payment provider down'],
    ['error', 'Error', 'payment provider down'],
    ['error', 'Error', 'payment provider down'],
  ]);
  // Discovery read the function's async configuration, so the outcome says where the event went.
  expect(fn).toMatchObject({ onFailureDestination: 'arn:aws:sqs:us-east-1:000000000000:failures', maxRetryAttempts: 2 });
  const investigation = await getRequestInvestigation(prisma, invocations[0]?.requestId ?? '');
  expect(investigation.functions[0]?.invocation.outcome).toBe(
    'failed after 3 attempts (retries exhausted); the event went to the on-failure destination arn:aws:sqs:us-east-1:000000000000:failures',
  );
  const throttled = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name: names.throttled } });
  expect(throttled.reservedConcurrency).toBe(1);
});

test('a second cycle re-reads the overlap window and changes nothing', async () => {
  const before = await Promise.all(Object.values(names).map(totals));
  const attempts = await prisma.attempt.count();
  // Without discovery, as a worker runs most cycles: the functions already known are polled.
  const cycle = await runIngestCycle(prisma, { sourceId, owner: 'test-worker', settings, discover: false });
  expect(cycle.functions).toBeGreaterThanOrEqual(6);
  expect(cycle.events).toBeGreaterThan(0);
  expect(cycle.inserted).toBe(0);
  expect(await Promise.all(Object.values(names).map(totals))).toEqual(before);
  expect(await prisma.attempt.count()).toBe(attempts);
});
