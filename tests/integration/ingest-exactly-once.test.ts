import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClients, emulatorCredentials } from '../../lib/aws/create-clients';
import { createPrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/db/start-embedded-postgres';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { formatEnd, formatInitStart, formatReport, formatStart, formatTaskTimedOut } from '../../lib/emulator/runtime/platform-lines';
import { functionZip, testRole } from '../support/function-zip';
import { freePort } from '../support/processes';
import { expectHoursToMatchMinutes, recountRollups, storedRollups } from '../support/recount-rollups';

/** The figure; a developer may run a smaller ingest locally. */
const TOTAL_EVENTS = Number(process.env.LAMBDASCOPE_TEST_EXACTLY_ONCE_EVENTS ?? 200_000);
const FUNCTIONS = 4;
const STREAMS_PER_FUNCTION = 10;
const EVENTS_PER_ATTEMPT = 4;
const cli = path.resolve('bin/lambdascope.mjs');

let emulator: RunningEmulator;
let postgres: EmbeddedDatabase;
let postgresDir: string;
let postgresPort: number;
const sourceEventIds = new Set<string>();
const running = new Set<ChildProcess>();

/** A seeded generator: the kill moments are random but the same on every run. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The lines of one attempt, as the emulator writes them: 4 events each, cold starts, errors and timeouts mixed in. */
function attemptLines(fn: number, stream: number, attempt: number, at: number): Array<{ timestamp: number; message: string }> {
  const requestId = `${fn.toString(16).padStart(8, '0')}-${stream.toString(16).padStart(4, '0')}-4000-8000-${attempt.toString(16).padStart(12, '0')}`;
  const time = (offset: number) => new Date(at + offset);
  const report = (extra: { status?: 'timeout'; initDurationMs?: number }) =>
    formatReport('Text', time(3), {
      requestId, durationMs: 20 + ((attempt * 7) % 50), billedDurationMs: 30, memorySizeMB: 512, maxMemoryUsedMB: 80,
      status: extra.status ?? 'success', ...(extra.initDurationMs ? { initDurationMs: extra.initDurationMs } : {}),
    });
  if (attempt === 0) {
    return [
      { timestamp: at, message: formatInitStart('Text', time(0), { runtimeVersion: 'nodejs:20.v20', runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:abc', functionName: `f${fn}`, functionVersion: '$LATEST', initializationType: 'on-demand' }) },
      { timestamp: at + 1, message: formatStart('Text', time(1), requestId, '$LATEST') },
      { timestamp: at + 2, message: formatEnd('Text', requestId) ?? '' },
      { timestamp: at + 3, message: report({ initDurationMs: 180.5 }) },
    ];
  }
  if (attempt % 50 === 0) {
    return [
      { timestamp: at, message: formatStart('Text', time(0), requestId, '$LATEST') },
      { timestamp: at + 2, message: formatEnd('Text', requestId) ?? '' },
      { timestamp: at + 3, message: report({ status: 'timeout' }) },
      { timestamp: at + 3, message: formatTaskTimedOut('Text', time(3), requestId, 3) ?? '' },
    ];
  }
  const appLine = attempt % 10 === 0
    ? `${time(1).toISOString()}\t${requestId}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"card declined","stack":["Error: card declined"]}\n`
    : `${time(1).toISOString()}\t${requestId}\tINFO\tcharged order ${attempt}\n`;
  return [
    { timestamp: at, message: formatStart('Text', time(0), requestId, '$LATEST') },
    { timestamp: at + 1, message: appLine },
    { timestamp: at + 2, message: formatEnd('Text', requestId) ?? '' },
    { timestamp: at + 3, message: report({}) },
  ];
}

beforeAll(async () => {
  // Every third Logs API call is answered ThrottlingException, for the seeding below and for the workers.
  emulator = await startEmulator({ port: 0, logsThrottleRate: 0.3 });
  const clients = createClients({ region: 'us-east-1', endpoint: emulator.url, credentials: emulatorCredentials, maxAttempts: 30 });
  const attemptsPerStream = Math.ceil(TOTAL_EVENTS / EVENTS_PER_ATTEMPT / FUNCTIONS / STREAMS_PER_FUNCTION);
  const start = Date.now() - 40 * 60_000;
  for (let fn = 0; fn < FUNCTIONS; fn += 1) {
    const name = `exactly-once-${fn}`;
    await clients.lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile: functionZip({ 'index.mjs': 'export const handler = async () => 1;' }) } }));
    const logGroupName = `/aws/lambda/${name}`;
    await clients.logs.send(new CreateLogGroupCommand({ logGroupName }));
    for (let stream = 0; stream < STREAMS_PER_FUNCTION; stream += 1) {
      const logStreamName = `2026/11/22/[$LATEST]${fn.toString(16).padStart(16, '0')}${stream.toString(16).padStart(16, '0')}`;
      await clients.logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
      const events = Array.from({ length: attemptsPerStream }, (_, attempt) => attemptLines(fn, stream, attempt, start + attempt * 400 + stream)).flat();
      for (let offset = 0; offset < events.length; offset += 2_500) {
        await clients.logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: events.slice(offset, offset + 2_500) }));
      }
    }
    let nextToken: string | undefined;
    do {
      const page = await clients.logs.send(new FilterLogEventsCommand({ logGroupName, ...(nextToken ? { nextToken } : {}) }));
      for (const event of page.events ?? []) if (event.eventId) sourceEventIds.add(event.eventId);
      nextToken = page.nextToken;
    } while (nextToken);
  }

  postgresDir = mkdtempSync(path.join(tmpdir(), 'lambdascope-exactly-once-'));
  chmodSync(postgresDir, 0o755);
  postgresPort = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir: path.join(postgresDir, 'pg'), port: postgresPort });
}, 600_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await postgres?.stop();
  await emulator?.close();
  if (postgresDir) rmSync(postgresDir, { recursive: true, force: true });
});

/** A database of its own on the embedded server, migrated, with the emulator as its source. */
async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgres.connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgres.connectionString);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const prisma = createPrismaClient(url.toString());
  await prisma.source.create({ data: { name: 'emulator', kind: 'emulator', region: 'us-east-1', endpoint: emulator.url } });
  await prisma.$disconnect();
  return url.toString();
}

function startWorker(databaseUrl: string): ChildProcess {
  const child = spawn(process.execPath, [cli, 'worker'], {
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LAMBDASCOPE_INGEST_INTERVAL_SECONDS: '0.2',
      LAMBDASCOPE_INGEST_BACKFILL_HOURS: '2',
      LAMBDASCOPE_LOGS_RATE_LIMIT: '50',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

async function storedCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM raw_events');
    return Number(rows[0]?.count ?? 0);
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every source event stored, and a cycle finished since `since` (so the worker is up and its handlers set). */
async function waitUntilComplete(databaseUrl: string, timeoutMs: number, since = new Date()): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await storedCount(databaseUrl)) < sourceEventIds.size || !(await polledSince(databaseUrl, since))) {
    if (Date.now() > deadline) throw new Error(`ingest not complete after ${timeoutMs} ms: ${await storedCount(databaseUrl)} of ${sourceEventIds.size}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function polledSince(databaseUrl: string, since: Date): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ polled: boolean }>('SELECT bool_and(last_polled_at > $1) AS polled FROM log_group_states', [since]);
    return rows[0]?.polled === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Exactly the source's events, and rollups equal to a recount from the stored attempts. */
async function expectExactlyOnce(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const stored = await prisma.rawEvent.findMany({ select: { eventId: true } });
    expect(stored.length).toBe(sourceEventIds.size);
    expect(stored.every((event) => sourceEventIds.has(event.eventId))).toBe(true);
    const expectedAttempts = sourceEventIds.size / EVENTS_PER_ATTEMPT;
    expect(await prisma.attempt.count()).toBe(expectedAttempts);
    for (const fn of await prisma.lambdaFunction.findMany()) {
      expect(await storedRollups(prisma, fn.id)).toEqual(await recountRollups(prisma, fn.id));
      await expectHoursToMatchMinutes(prisma, fn.id);
    }
    const totals = await prisma.functionMinute.aggregate({ _sum: { invocations: true } });
    expect(totals._sum.invocations).toBe(expectedAttempts);
  } finally {
    await prisma.$disconnect();
  }
}

test('kill -9 the worker at ten random moments, restarting it each time: every event once, rollups exact', async () => {
  const databaseUrl = await freshDatabase('killed');
  const random = seededRandom(42);
  const progress: number[] = [];
  for (let kill = 0; kill < 10; kill += 1) {
    const before = await storedCount(databaseUrl);
    const worker = startWorker(databaseUrl);
    // Kill mid-write: once this worker has stored something (or after 10 s), at a random moment soon after.
    for (let waited = 0; waited < 10_000 && (await storedCount(databaseUrl)) === before && before < sourceEventIds.size; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The first kill lands as soon as progress shows, so at least one is mid-ingest at any size.
    await new Promise((resolve) => setTimeout(resolve, kill === 0 ? 0 : random() * 1_500));
    worker.kill('SIGKILL');
    await stopped(worker);
    progress.push(await storedCount(databaseUrl));
  }
  // The kills landed mid-ingest, not after it.
  expect(Math.min(...progress)).toBeLessThan(sourceEventIds.size);
  const last = startWorker(databaseUrl);
  await waitUntilComplete(databaseUrl, 600_000);
  last.kill('SIGTERM');
  expect(await stopped(last)).toBe(0);
  await expectExactlyOnce(databaseUrl);
}, 900_000);

test('PostgreSQL restarts mid-ingest: the worker recovers by itself', async () => {
  const databaseUrl = await freshDatabase('restarted');
  const worker = startWorker(databaseUrl);
  const deadline = Date.now() + 120_000;
  while ((await storedCount(databaseUrl)) < Math.min(10_000, sourceEventIds.size / 10) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await postgres.stop();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  postgres = await startEmbeddedPostgres({ dataDir: path.join(postgresDir, 'pg'), port: postgresPort });
  await waitUntilComplete(databaseUrl, 600_000);
  worker.kill('SIGTERM');
  expect(await stopped(worker)).toBe(0);
  await expectExactlyOnce(databaseUrl);
}, 900_000);

test('two workers at once: nothing twice', async () => {
  const databaseUrl = await freshDatabase('two_workers');
  const workers = [startWorker(databaseUrl), startWorker(databaseUrl)];
  await waitUntilComplete(databaseUrl, 600_000);
  for (const worker of workers) worker.kill('SIGTERM');
  expect(await Promise.all(workers.map(stopped))).toEqual([0, 0]);
  await expectExactlyOnce(databaseUrl);
}, 900_000);
