import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { runIngestCycle, type IngestSettings } from '../../lib/ingest/run-ingest-cycle';
import { listSourceHealth } from '../../lib/metrics/list-source-health';
import { deployFunction } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { sdkClients } from '../support/sdk-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const EVENTS = 25_000;
const functionName = uniqueName('backfill');
const logGroupName = `/aws/lambda/${functionName}`;
const settings: IngestSettings = { backfillMs: 3_600_000, overlapMs: 60_000, leaseMs: 60_000, metricsLookbackMs: 600_000, parallelism: 1, logsCallsPerSecond: 50 };
let emulator: RunningEmulator;
let database: TestDatabase;
let prisma: PrismaClient;
let sourceId: number;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const { lambda, logs } = sdkClients(emulator.url);
  await deployFunction(lambda, functionName, { 'index.mjs': 'export const handler = async () => 1;' });
  // An hour of history, more than two FilterLogEvents pages of it, written as a function's runtime would.
  const logStreamName = '2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef';
  await logs.send(new CreateLogGroupCommand({ logGroupName }));
  await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  const first = Date.now() - 55 * 60_000;
  for (let offset = 0; offset < EVENTS; offset += 5_000) {
    const logEvents = Array.from({ length: 5_000 }, (_, index) => ({
      timestamp: first + Math.floor(((offset + index) * 50 * 60_000) / EVENTS),
      message: `2026-11-22T00:00:00.000Z\t00000000-0000-4000-8000-${String(offset + index).padStart(12, '0')}\tINFO\tline ${offset + index}\n`,
    }));
    await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
  }
  database = await createTestDatabase('backfill');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: 'emulator', kind: 'emulator', region: 'us-east-1', endpoint: emulator.url } })).id;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
  await emulator?.close();
});

test('a first-time backfill reports its progress as it goes and is recorded as done', async () => {
  const before = await listSourceHealth(prisma, { now: Date.now() });
  expect(before[0]?.backfill).toMatchObject({ status: 'done', logGroups: 0 });

  const lines: string[] = [];
  const cycle = await runIngestCycle(prisma, { sourceId, owner: 'test', settings, log: (line) => lines.push(line) });
  expect(cycle.errors).toEqual([]);
  expect(cycle.inserted).toBe(EVENTS);

  const reports = lines.filter((line) => line.startsWith(`${logGroupName}: backfill`));
  // The first page is reported as it lands (part of the window, an ETA), the end as it finishes.
  expect(reports[0]).toMatch(/backfill \d{1,2} %, 10,000 events, ETA \d/);
  expect(reports.at(-1)).toBe(`${logGroupName}: backfill done, ${EVENTS.toLocaleString('en-US')} events`);

  const state = await prisma.logGroupState.findFirstOrThrow({ where: { sourceId, logGroupName } });
  expect(state.backfillDone).toBe(true);
  expect(state.backfillStartedAt).not.toBeNull();
  expect(state.backfillFinishedAt?.getTime()).toBeGreaterThanOrEqual(state.backfillStartedAt?.getTime() ?? Infinity);
  expect(Number(state.backfillEndMs) - Number(state.backfillStartMs)).toBeGreaterThanOrEqual(settings.backfillMs);

  const [health] = await listSourceHealth(prisma, { now: Date.now() });
  expect(health?.backfill).toMatchObject({ status: 'done', shareDone: 1, events: EVENTS, logGroupsDone: health?.logGroups });
  expect(health?.ingestLagMs).toBeLessThan(60_000);

  // Later polls follow new events: no more backfill reports.
  const again: string[] = [];
  await prisma.logGroupState.updateMany({ where: { sourceId }, data: { lastPolledAt: null } });
  await runIngestCycle(prisma, { sourceId, owner: 'test', settings, log: (line) => again.push(line) });
  expect(again.filter((line) => line.includes('backfill'))).toEqual([]);
}, 120_000);
