/**
 * POST /api/ingest/firehose end to end: real Requests into the route's handler, a real database.
 * Deliveries are built as Firehose builds them (FORMATS.md §6.2–6.3) from the lines our emulator
 * writes (lib/emulator/runtime/platform-lines.ts) and from the real sample of
 * ../shared/lambda-logs/real/vector-cloudwatch-firehose.json.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '../../app/api/ingest/firehose/route';
import { loadConfig } from '../../lib/config';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { formatEventId } from '../../lib/emulator/logs/format-event-id';
import { formatEnd, formatInitStart, formatReport, formatRuntimeExit, formatStart } from '../../lib/emulator/runtime/platform-lines';
import { openSharedDatabase } from '../../lib/db/open-shared-database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ACCESS_KEY = 'firehose-test-key-0123456789';
const SOURCE_ARN = 'arn:aws:firehose:eu-west-1:111111111111:deliverystream/lambdascope';
const variables = ['DATABASE_URL', 'LAMBDASCOPE_FIREHOSE_ACCESS_KEY'] as const;
const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('firehose');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LAMBDASCOPE_FIREHOSE_ACCESS_KEY = ACCESS_KEY;
});

afterAll(async () => {
  if (database) await (await openSharedDatabase(loadConfig({ ...process.env, DATABASE_URL: database.url }))).close();
  for (const name of variables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await prisma?.$disconnect();
  await database?.drop();
});

// ---- Building deliveries as CloudWatch Logs and Firehose do ----

type Line = { stream: string; at: number; message: string };
type Document = { messageType: string; owner: string; logGroup: string; logStream: string; subscriptionFilters: string[]; logEvents: Array<{ id: string; timestamp: number; message: string }> };
let seq = 0;

function dataMessage(owner: string, logGroup: string, lines: Line[]): Document {
  const logStream = lines[0]?.stream ?? '';
  return {
    messageType: 'DATA_MESSAGE',
    owner,
    logGroup,
    logStream,
    subscriptionFilters: ['lambdascope'],
    logEvents: lines.map((line) => ({ id: formatEventId({ timestamp: line.at, seq: (seq += 1) }), timestamp: line.at, message: line.message })),
  };
}

const controlMessage = {
  messageType: 'CONTROL_MESSAGE', owner: 'CloudwatchLogs', logGroup: '', logStream: '', subscriptionFilters: [],
  logEvents: [{ id: '', timestamp: 1741312971934, message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.' }],
};

/** One Firehose record: base64 of the gzipped, newline-joined documents. */
const record = (...documents: object[]) => ({ data: gzipSync(documents.map((document) => JSON.stringify(document)).join('\n')).toString('base64') });

function firehoseRequest(body: unknown, options: { key?: string | null; requestId?: string; gzip?: boolean } = {}): Request {
  const requestId = options.requestId ?? crypto.randomUUID();
  const text = typeof body === 'string' ? body : JSON.stringify({ requestId, timestamp: Date.now(), ...(body as object) });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amz-firehose-protocol-version': '1.0',
    'x-amz-firehose-request-id': requestId,
    'x-amz-firehose-source-arn': SOURCE_ARN,
    'user-agent': 'Amazon Kinesis Data Firehose Agent/1.0',
  };
  if (options.key !== null) headers['x-amz-firehose-access-key'] = options.key ?? ACCESS_KEY;
  if (options.gzip) headers['content-encoding'] = 'gzip';
  return new Request('http://localhost/api/ingest/firehose', { method: 'POST', headers, body: options.gzip ? gzipSync(text) : text });
}

async function send(request: Request) {
  const response = await POST(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, requestId: request.headers.get('x-amz-firehose-request-id') };
}

/** What is stored for an account: nothing at all when it has no source. */
async function storedFor(account: string) {
  const source = await prisma.source.findUnique({ where: { name: `firehose:${account}` } });
  if (!source) return null;
  const [rawEvents, functions, attempts] = await Promise.all([
    prisma.rawEvent.count({ where: { sourceId: source.id } }),
    prisma.lambdaFunction.findMany({ where: { sourceId: source.id }, orderBy: { name: 'asc' } }),
    prisma.attempt.findMany({ where: { function: { sourceId: source.id } }, orderBy: [{ startedAt: 'asc' }] }),
  ]);
  const minutes = await prisma.functionMinute.findMany({ where: { function: { sourceId: source.id } }, orderBy: { minute: 'asc' } });
  return { source, rawEvents, functions, attempts, minutes };
}

// ---- An emulator-shaped fleet: a cold success, then a request that crashes and is retried in a new environment ----

const T = Date.UTC(2026, 10, 22, 10, 0, 0);
const OK = '6f0f7a0e-1111-4c3e-9f0a-000000000001';
const RETRIED = '6f0f7a0e-2222-4c3e-9f0a-000000000002';
const streamA = `2026/11/22/[$LATEST]${'a'.repeat(32)}`;
const streamB = `2026/11/22/[$LATEST]${'b'.repeat(32)}`;
const initStart = (at: number) =>
  formatInitStart('Text', new Date(at), {
    runtimeVersion: 'nodejs:20.v40', runtimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:0000', functionName: 'f', functionVersion: '$LATEST', initializationType: 'on-demand',
  });
const report = (requestId: string, extra: { durationMs: number; initDurationMs?: number; status?: 'success' | 'error'; errorType?: string }) =>
  formatReport('Text', new Date(), { requestId, billedDurationMs: Math.ceil(extra.durationMs), memorySizeMB: 256, maxMemoryUsedMB: 71, status: 'success', ...extra });

function fleetLines(): { a: Line[]; b: Line[] } {
  const a: Array<[number, string]> = [
    [T, initStart(T)],
    [T + 5, formatStart('Text', new Date(), OK, '$LATEST')],
    [T + 10, `${new Date(T + 10).toISOString()}\t${OK}\tINFO\thello from the first request\n`],
    [T + 20, formatEnd('Text', OK) ?? ''],
    [T + 21, report(OK, { durationMs: 15.2, initDurationMs: 120.5 })],
    [T + 1_000, formatStart('Text', new Date(), RETRIED, '$LATEST')],
    [T + 1_005, formatRuntimeExit('Text', RETRIED, 'exit status 1') ?? ''],
    [T + 1_006, formatEnd('Text', RETRIED) ?? ''],
    [T + 1_007, report(RETRIED, { durationMs: 6.4, status: 'error', errorType: 'Runtime.ExitError' })],
  ];
  const b: Array<[number, string]> = [
    [T + 61_000, initStart(T + 61_000)],
    [T + 61_005, formatStart('Text', new Date(), RETRIED, '$LATEST')],
    [T + 61_020, formatEnd('Text', RETRIED) ?? ''],
    [T + 61_021, report(RETRIED, { durationMs: 14.9, initDurationMs: 98.1 })],
  ];
  return {
    a: a.map(([at, message]) => ({ stream: streamA, at, message })),
    b: b.map(([at, message]) => ({ stream: streamB, at, message })),
  };
}

describe('a delivery of a Lambda fleet', () => {
  const account = '111122223333';
  const group = '/aws/lambda/fh-orders';
  const { a, b } = fleetLines();
  // Stream B's events arrive as two documents in one record, after a health check.
  const records = [record(dataMessage(account, group, a)), record(controlMessage, dataMessage(account, group, b.slice(0, 2)), dataMessage(account, group, b.slice(2)))];
  const requestId = crypto.randomUUID();

  test('is stored: the function, attempts across two streams, one retried invocation, rollups', async () => {
    const answer = await send(firehoseRequest({ records }, { requestId }));
    expect(answer).toMatchObject({ status: 200, body: { requestId, timestamp: expect.any(Number) as number } });
    expect(Object.keys(answer.body).sort()).toEqual(['requestId', 'timestamp']);

    const stored = await storedFor(account);
    expect(stored?.source).toMatchObject({ kind: 'firehose', region: 'eu-west-1' });
    expect(stored?.rawEvents).toBe(a.length + b.length);
    expect(stored?.functions.map((fn) => [fn.name, fn.arn, fn.memorySizeMB, fn.timeoutSeconds, fn.logGroupName])).toEqual([
      ['fh-orders', `arn:aws:lambda:eu-west-1:${account}:function:fh-orders`, 256, 3, group],
    ]);
    expect(stored?.attempts.map((attempt) => [attempt.requestId, attempt.logStreamName, attempt.status, attempt.coldStart, attempt.durationMs])).toEqual([
      [OK, streamA, 'success', true, 15.2],
      [RETRIED, streamA, 'crashed', false, 6.4],
      [RETRIED, streamB, 'success', true, 14.9],
    ]);
    const invocation = await prisma.invocation.findFirstOrThrow({ where: { requestId: RETRIED } });
    expect(invocation).toMatchObject({ attemptCount: 2, finalStatus: 'success' });
    expect(stored?.minutes.map(({ minute, invocations, errors, retries, coldStarts }) => [minute.toISOString(), invocations, errors, retries, coldStarts])).toEqual([
      [new Date(T).toISOString(), 2, 1, 0, 1],
      [new Date(T + 60_000).toISOString(), 1, 0, 1, 1],
    ]);
    const state = await prisma.logGroupState.findFirstOrThrow({ where: { sourceId: stored?.source.id, logGroupName: group } });
    expect(state).toMatchObject({ checkpointMs: 0n, eventsIngested: BigInt(a.length + b.length) });
  });

  test('redelivered (Firehose retries), stores nothing new and still answers 200', async () => {
    const before = await storedFor(account);
    const answer = await send(firehoseRequest({ records }, { requestId }));
    expect(answer).toMatchObject({ status: 200, body: { requestId } });
    expect(await storedFor(account)).toEqual(before);
  });
});

test('a custom log group, gzip-encoded body: the function named by the stream is created', async () => {
  const account = '222233334444';
  const stream = `2026/11/22/fh-billing[$LATEST]${'c'.repeat(32)}`;
  const lines: Line[] = [
    { stream, at: T, message: formatStart('Text', new Date(), OK, '$LATEST') },
    { stream, at: T + 9, message: formatEnd('Text', OK) ?? '' },
    { stream, at: T + 10, message: report(OK, { durationMs: 8 }) },
  ];
  const answer = await send(firehoseRequest({ records: [record(dataMessage(account, '/shared/app', lines))] }, { gzip: true }));
  expect(answer.status).toBe(200);
  const stored = await storedFor(account);
  expect(stored?.functions.map((fn) => [fn.name, fn.logGroupName, fn.memorySizeMB])).toEqual([['fh-billing', '/shared/app', 256]]);
  expect(stored?.attempts.map((attempt) => attempt.status)).toEqual(['success']);
});

test('the real vector sample (a non-Lambda group): raw events stored, no function invented', async () => {
  const sample = JSON.parse(readFileSync(new URL('../../../shared/lambda-logs/real/vector-cloudwatch-firehose.json', import.meta.url), 'utf8')) as {
    items: Array<{ payload?: { owner?: string } }>;
  };
  const payload = sample.items[0]?.payload ?? {};
  expect(payload.owner).toBe('071959437513');
  const answer = await send(firehoseRequest({ records: [record(payload)] }));
  expect(answer.status).toBe(200);
  const stored = await storedFor('071959437513');
  expect(stored).toMatchObject({ rawEvents: 2, functions: [], attempts: [] });
});

test('a CONTROL_MESSAGE-only delivery answers 200 and stores nothing', async () => {
  const sources = await prisma.source.count();
  const answer = await send(firehoseRequest({ records: [record(controlMessage)] }));
  expect(answer).toMatchObject({ status: 200, body: { requestId: answer.requestId } });
  expect(await prisma.source.count()).toBe(sources);
});

describe('refused deliveries store nothing', () => {
  const account = '555566667777';
  const valid = () => record(dataMessage(account, '/aws/lambda/fh-refused', fleetLines().a));

  test.each([
    ['a wrong key', () => firehoseRequest({ records: [valid()] }, { key: 'not-the-key-at-all' }), 401, 'X-Amz-Firehose-Access-Key is missing or wrong'],
    ['no key', () => firehoseRequest({ records: [valid()] }, { key: null }), 401, 'X-Amz-Firehose-Access-Key is missing or wrong'],
    ['a body that is not JSON', () => firehoseRequest('{"requestId": "x", "records": ['), 400, 'body: not valid JSON'],
    ['a record that is not base64', () => firehoseRequest({ records: [valid(), { data: '%%%' }] }), 400, 'body: records[1].data: must be base64'],
    ['a valid record, then one that is not gzip', () => firehoseRequest({ records: [valid(), { data: Buffer.from([0x1f, 0x8b, 0, 0]).toString('base64') }] }), 400, 'records[1].data: not valid gzip'],
    ['an event id as a number', () => firehoseRequest({ records: [valid(), record({ ...dataMessage(account, 'g', fleetLines().b), logEvents: [{ id: 1, timestamp: T, message: 'm' }] })] }), 400, 'records[1].data document 1: logEvents[0].id: must be a string (never a number)'],
  ])('%s: %i', async (_name, request, status, message) => {
    const sent = request();
    const answer = await send(sent);
    expect(answer).toMatchObject({ status, body: { requestId: sent.headers.get('x-amz-firehose-request-id'), errorMessage: expect.stringContaining(message) as string } });
    expect(await storedFor(account)).toBeNull();
  });

  test('no key configured: 503 saying so', async () => {
    delete process.env.LAMBDASCOPE_FIREHOSE_ACCESS_KEY;
    try {
      const answer = await send(firehoseRequest({ records: [valid()] }));
      expect(answer).toMatchObject({ status: 503, body: { errorMessage: expect.stringContaining('LAMBDASCOPE_FIREHOSE_ACCESS_KEY') as string } });
    } finally {
      process.env.LAMBDASCOPE_FIREHOSE_ACCESS_KEY = ACCESS_KEY;
    }
    expect(await storedFor(account)).toBeNull();
  });

  test('the database down: 503, so Firehose retries', async () => {
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/lambdascope_nowhere';
    try {
      const answer = await send(firehoseRequest({ records: [valid()] }));
      expect(answer).toMatchObject({ status: 503, body: { errorMessage: expect.stringContaining('the database is unavailable') as string } });
    } finally {
      process.env.DATABASE_URL = database.url;
    }
    expect(await storedFor(account)).toBeNull();
  });
});
