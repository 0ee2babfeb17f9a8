/**
 * Issue #3, "Bad input": a fuzz corpus (tests/support/fuzz-corpus.ts) written to the emulator with
 * the real SDK, then ingested by the worker's own path into a real database. Whatever the bytes,
 * the parser never throws, the worker never fails a log group, every event is stored exactly once
 * and unchanged (except NUL and lone surrogates, which PostgreSQL text cannot hold, as U+FFFD), the
 * valid sequences hidden in the corpus still become the attempts they describe, and a second pass
 * stores nothing. Rollups equal to a recount waits on two store bugs, pinned at the end.
 */
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { runIngestCycle, type IngestSettings } from '../../lib/ingest/run-ingest-cycle';
import { runWorker } from '../../lib/ingest/run-worker';
import { understandEvent } from '../../lib/ingest/understand-event';
import { parseLogEvent } from '../../lib/lambda-logs';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import { deployFunction, readGroupEvents } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { buildFuzzCorpus, EVENT_OVERHEAD_BYTES, type FuzzEvent } from '../support/fuzz-corpus';
import { loadRealMessages } from '../support/log-shapes/load-real-messages';
import { expectHoursToMatchMinutes, recountRollups, storedRollups, type RollupRow } from '../support/recount-rollups';
import { sdkClients } from '../support/sdk-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SEED = 20_261_122;
const SPAN_MS = 25 * 60_000;
const corpus = buildFuzzCorpus({ seed: SEED, realMessages: loadRealMessages().map((message) => message.text), spanMs: SPAN_MS });
const functionName = uniqueName('fuzz');
const logGroupName = `/aws/lambda/${functionName}`;
const settings: IngestSettings = { backfillMs: 3_600_000, overlapMs: 300_000, leaseMs: 60_000, metricsLookbackMs: 600_000, parallelism: 2, logsCallsPerSecond: 50 };
const kinds = new Set(['start', 'end', 'report', 'init-start', 'init-report', 'restore-start', 'restore-report', 'timeout', 'runtime-exit', 'extension', 'subscription', 'app', 'plain']);

let emulator: RunningEmulator;
let logs: CloudWatchLogsClient;
let database: TestDatabase;
let prisma: PrismaClient;
let sourceId: number;
/** When offset 0 of the corpus happened: 30 minutes ago, inside the first poll's backfill window. */
const base = Date.now() - 30 * 60_000;
/** Every message this test put in the group, per stream, in the order written (timestamps never go back). */
const sent = new Map<string, string[]>();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const clients = sdkClients(emulator.url);
  logs = clients.logs;
  // Never invoked: the function only makes discovery know its log group, which holds the corpus alone.
  await deployFunction(clients.lambda, functionName, { 'index.mjs': 'export const handler = async () => 1;' });
  await logs.send(new CreateLogGroupCommand({ logGroupName }));
  for (const stream of corpus.streams) await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: stream }));
  for (const [stream, events] of groupByStream(corpus.events, (event) => event.stream)) {
    for (const batch of batches(events)) {
      const answer = await logs.send(
        new PutLogEventsCommand({ logGroupName, logStreamName: stream, logEvents: batch.map((event) => ({ timestamp: base + event.offsetMs, message: event.message })) }),
      );
      expect(answer.rejectedLogEventsInfo).toBeUndefined();
    }
    sent.set(stream, events.map((event) => event.message));
  }

  database = await createTestDatabase('fuzz');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: `fuzz ${functionName}`, kind: 'emulator', region: 'us-east-1', endpoint: emulator.url } })).id;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
  await emulator?.close();
});

function groupByStream<T>(events: readonly T[], streamOf: (event: T) => string): Map<string, T[]> {
  const streams = new Map<string, T[]>();
  for (const event of events) {
    const stream = streamOf(event);
    const list = streams.get(stream);
    if (list) list.push(event);
    else streams.set(stream, [event]);
  }
  return streams;
}

/** PutLogEvents batches within AWS's quotas: 10,000 events and 1,048,576 bytes (messages + 26 bytes each). */
function batches(events: readonly FuzzEvent[]): FuzzEvent[][] {
  const all: FuzzEvent[][] = [];
  let current: FuzzEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES;
    if (current.length === 10_000 || bytes + size > 1_048_576) {
      all.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) all.push(current);
  return all;
}

/**
 * What PostgreSQL text can hold, written independently of lib/store: NUL and lone surrogates
 * become U+FFFD, everything else (control characters, U+FFFD itself, paired surrogates) is kept.
 */
function storable(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    result += code === 0 || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : char;
  }
  return result;
}

/** The first place two lists of messages differ, short enough to read in a failure. */
function firstDifference(actual: readonly string[], expected: readonly string[]): string | null {
  if (actual.length !== expected.length) return `${actual.length} messages, expected ${expected.length}`;
  const index = actual.findIndex((message, at) => message !== expected[at]);
  if (index < 0) return null;
  const show = (text: string | undefined) => JSON.stringify((text ?? '').slice(0, 120));
  return `message ${index}: ${show(actual[index])} (${actual[index]?.length} chars), expected ${show(expected[index])} (${expected[index]?.length} chars)`;
}

/** An awsJson1.1 PutLogEvents call with a body of raw bytes, as the SDK would send it but unvalidated. */
function rawPutLogEvents(body: Buffer): Promise<Response> {
  return fetch(emulator.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.PutLogEvents' },
    body: new Uint8Array(body),
  });
}

/** The messages of each stream in the order FilterLogEvents returns them (time, then arrival). */
const messagesByStream = (events: readonly FilteredLogEvent[]) =>
  new Map([...groupByStream(events, (event) => event.logStreamName ?? '')].map(([stream, list]) => [stream, list.map((event) => event.message ?? '')]));

test('the corpus covers every kind of bad input, within the 256 KB event limit', () => {
  const counts = new Map<string, number>();
  for (const event of corpus.events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  expect(Object.fromEntries(counts)).toMatchObject({
    'random-bytes': expect.any(Number) as number,
    'random-units': expect.any(Number) as number,
    'truncated-template': expect.any(Number) as number,
    'truncated-real': expect.any(Number) as number,
    'report-numbers': expect.any(Number) as number,
    'json-report-numbers': expect.any(Number) as number,
    'near-miss-json': expect.any(Number) as number,
    'odd-request-id': expect.any(Number) as number,
    'max-size': 10,
    sequence: expect.any(Number) as number,
  });
  expect(corpus.events.length).toBeGreaterThan(3_000);
  const largest = Math.max(...corpus.events.map((event) => Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES));
  expect(largest).toBe(262_144);
  const text = corpus.events.map((event) => event.message).join('');
  expect(text.includes('\u0000')).toBe(true);
  expect(text).toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  expect(text).toMatch(/\ufffd/);
});

test('the parser understands every message of the corpus without throwing', () => {
  for (const event of corpus.events) {
    for (const message of [event.message, storable(event.message)]) {
      let kind: string | undefined;
      expect(() => {
        kind = parseLogEvent({ message, timestamp: 0 }).kind;
      }, JSON.stringify(message.slice(0, 200))).not.toThrow();
      expect(kinds).toContain(kind);
    }
  }
});

describe('PutLogEvents with a body that is not valid UTF-8', () => {
  const stream = corpus.streams[2] ?? '';
  const invalid = Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]);
  const at = () => base + SPAN_MS + 60_000;

  test('decodes invalid sequences as U+FFFD, as CloudWatch Logs does, and stores the events', async () => {
    const messages = [
      Buffer.concat([Buffer.from('START RequestId: '), invalid, Buffer.from(' Version: $LATEST\\n')]),
      Buffer.concat([Buffer.from('REPORT RequestId: '), invalid, Buffer.from('\\tDuration: 1.5 ms\\tBilled Duration: 2 ms\\tMemory Size: 128 MB\\tMax Memory Used: 9 MB\\t\\n')]),
      invalid,
    ];
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ logGroupName, logStreamName: stream }).slice(0, -1) + ',"logEvents":['),
      ...messages.flatMap((message, index) => [Buffer.from(`${index ? ',' : ''}{"timestamp":${at()},"message":"`), message, Buffer.from('"}')]),
      Buffer.from(']}'),
    ]);
    const answer = await rawPutLogEvents(body);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ nextSequenceToken: expect.any(String) as string });
    // The WHATWG decoder's reading: each maximal invalid subsequence is one U+FFFD (moby#37986 describes AWS's normalisation).
    const decoded = messages.map((message) => new TextDecoder().decode(message).replaceAll('\\n', '\n').replaceAll('\\t', '\t'));
    expect(decoded[2]).toBe('\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdA\ufffd');
    sent.set(stream, [...(sent.get(stream) ?? []), ...decoded]);
    expect(messagesByStream(await readGroupEvents(logs, logGroupName)).get(stream)?.slice(-3)).toEqual(decoded);
  });

  test.each<[string, Buffer, string]>([
    ['invalid UTF-8 outside any string', Buffer.from([0x7b, 0xff, 0x7d]), 'SerializationException'],
    ['a body cut short', Buffer.from(`{"logGroupName":"${logGroupName}","logEvents":[{"timest`), 'SerializationException'],
    ['a JSON array', Buffer.from('[1,2]'), 'SerializationException'],
    ['a message that is a number', Buffer.from(JSON.stringify({ logGroupName, logStreamName: stream, logEvents: [{ timestamp: Date.now(), message: 7 }] })), 'InvalidParameterException'],
    ['an empty message', Buffer.from(JSON.stringify({ logGroupName, logStreamName: stream, logEvents: [{ timestamp: Date.now(), message: '' }] })), 'InvalidParameterException'],
    ['a stream name decoded to U+FFFD', Buffer.concat([Buffer.from(`{"logGroupName":"${logGroupName}","logStreamName":"`), invalid, Buffer.from(`","logEvents":[{"timestamp":${Date.now()},"message":"m"}]}`)]), 'ResourceNotFoundException'],
  ])('%s: an AWS-shaped 400 and nothing stored', async (_name, body, code) => {
    const before = (await readGroupEvents(logs, logGroupName)).length;
    const answer = await rawPutLogEvents(body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe(code);
    expect(await answer.json()).toEqual({ __type: code, message: expect.any(String) as string });
    expect((await readGroupEvents(logs, logGroupName)).length).toBe(before);
  });
});

describe('ingesting the corpus', () => {
  let emulatorEvents: FilteredLogEvent[] = [];

  test('the emulator holds every message exactly as written', async () => {
    emulatorEvents = await readGroupEvents(logs, logGroupName);
    const held = messagesByStream(emulatorEvents);
    expect([...held.keys()].sort()).toEqual([...sent.keys()].sort());
    for (const [stream, messages] of sent) expect(firstDifference(held.get(stream) ?? [], messages), stream).toBeNull();
  });

  test('one worker cycle stores every event once, unchanged but for NUL and lone surrogates, with no error', async () => {
    const cycle = await runIngestCycle(prisma, { sourceId, owner: 'fuzz-worker', settings });
    expect(cycle.errors).toEqual([]);
    expect(cycle.logGroups).toBe(1);
    expect(cycle.inserted).toBe(emulatorEvents.length);
    const state = await prisma.logGroupState.findFirstOrThrow({ where: { sourceId, logGroupName } });
    expect(state).toMatchObject({ lastError: null, eventsIngested: BigInt(emulatorEvents.length) });

    const rows = await prisma.rawEvent.findMany({ where: { sourceId, logGroupName }, select: { eventId: true, logStreamName: true, message: true } });
    const stored = new Map(rows.map((row) => [row.eventId, row]));
    expect(stored.size).toBe(emulatorEvents.length);
    const mismatches = emulatorEvents.flatMap((event) => {
      const row = stored.get(event.eventId ?? '');
      if (!row) return [`${event.eventId}: missing`];
      if (row.logStreamName !== storable(event.logStreamName ?? '')) return [`${event.eventId}: stream ${JSON.stringify(row.logStreamName.slice(0, 60))}`];
      return row.message === storable(event.message ?? '') ? [] : [`${event.eventId}: ${JSON.stringify(row.message.slice(0, 120))} ≠ ${JSON.stringify(storable(event.message ?? '').slice(0, 120))}`];
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  test('the valid sequences become the attempts they describe', async () => {
    const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name: functionName } });
    const attempts = await prisma.attempt.findMany({ where: { functionId: fn.id } });
    const find = (stream: string, requestId: string) => attempts.filter((attempt) => attempt.logStreamName === stream && attempt.requestId === requestId);
    for (const expected of corpus.attempts) {
      const found = find(expected.stream, expected.requestId);
      expect(found, expected.requestId).toHaveLength(1);
      if (!expected.exact) {
        // Among the fuzz, a stray INIT_START or [ERROR] line before it may change how it started or ended; its measurements may not change.
        expect(found[0]).toMatchObject({ startedAt: new Date(base + expected.startOffsetMs), durationMs: expected.durationMs, billedDurationMs: expected.billedDurationMs });
        continue;
      }
      expect(found[0]).toMatchObject({
        startedAt: new Date(base + expected.startOffsetMs),
        startedAtEstimated: false,
        endedAt: new Date(base + expected.endOffsetMs),
        status: expected.status,
        durationMs: expected.durationMs,
        billedDurationMs: expected.billedDurationMs,
        memorySizeMB: expected.memorySizeMB,
        maxMemoryUsedMB: expected.maxMemoryUsedMB,
        coldStart: expected.coldStart,
        errorType: expected.errorType,
      });
    }
  });

  test('the rollups equal a recount of the stored attempts', async () => {
    const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name: functionName } });
    expect(comparable(await storedRollups(prisma, fn.id))).toEqual(comparable(await recountRollups(prisma, fn.id)));
    await expectHoursToMatchMinutes(prisma, fn.id);
  });

  test('a second pass by the worker finds nothing new and records no error', async () => {
    const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { sourceId, name: functionName } });
    const snapshot = async () => ({
      rawEvents: await prisma.rawEvent.count({ where: { sourceId } }),
      attempts: await prisma.attempt.count({ where: { functionId: fn.id } }),
      rollups: await storedRollups(prisma, fn.id),
    });
    const before = await snapshot();
    const lines: string[] = [];
    await runWorker(prisma, { owner: 'fuzz-worker-2', settings, intervalMs: 1_000, signal: new AbortController().signal, once: true, log: (line) => lines.push(line) });
    expect(lines.filter((line) => /\d+ failing: |cycle failed|cannot list sources/.test(line))).toEqual([]);
    expect(await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ lastError: null });
    expect(await prisma.logGroupState.findFirstOrThrow({ where: { sourceId, logGroupName } })).toMatchObject({ lastError: null, eventsIngested: BigInt(emulatorEvents.length) });
    expect(await snapshot()).toEqual(before);
  });
});

/** Sums of float durations added in another order may differ in their last bits: compared to 12 significant digits. */
function comparable(rows: RollupRow[]): RollupRow[] {
  return rows.map((row) => ({ ...row, durationSumMs: Number(row.durationSumMs.toPrecision(12)) }));
}

/**
 * Store bugs the fuzz found (since fixed), each reduced to a few lines and stored the way
 * pollLogGroup and the Firehose endpoint store them. A push-only source, so no worker ever polls it.
 */
describe('store regressions found by the fuzz', () => {
  const group = '/aws/lambda/fuzz-known-bugs';
  const at = Date.UTC(2026, 10, 22, 10, 0, 0);
  let bugSourceId = 0;
  let functionId = 0;
  let stateId = 0;
  let eventNumber = 0;

  beforeAll(async () => {
    bugSourceId = (await prisma.source.create({ data: { name: `firehose:fuzz-known-bugs-${functionName}`, kind: 'firehose', region: 'us-east-1' } })).id;
    functionId = (await prisma.lambdaFunction.create({ data: { sourceId: bugSourceId, name: 'fuzz-known-bugs', arn: 'arn:aws:lambda:us-east-1:000000000000:function:fuzz-known-bugs', memorySizeMB: 128, timeoutSeconds: 3, logGroupName: group } })).id;
    stateId = (await prisma.logGroupState.create({ data: { sourceId: bugSourceId, logGroupName: group, checkpointMs: 0n, backfillStartMs: 0n } })).id;
  });

  /** One batch of one stream's lines, `[ms after 10:00, message]`, as a poll page or a Firehose record delivers it. */
  const store = (stream: string, lines: Array<[number, string]>) =>
    writeLogBatch(prisma, {
      sourceId: bugSourceId,
      logGroupName: group,
      logGroupStateId: stateId,
      checkpointMs: at,
      events: lines.map(([offset, message]) => ({
        ...understandEvent({ eventId: `known-bug-${(eventNumber += 1)}`, timestamp: at + offset, logStreamName: stream, message }),
        functionId,
      })),
    });
  const reportLine = (requestId: string, fields: string) => `REPORT RequestId: ${requestId}\t${fields}\t\n`;

  // FORMATS.md §12: producers may write whole-number metrics as floats; the store rounds them into its int columns.
  test('a fractional "integer" metric does not fail its batch', async () => {
    await expect(
      store('bugs/fractional', [
        [0, 'START RequestId: fractional Version: $LATEST\n'],
        [10, reportLine('fractional', 'Duration: 1.20 ms\tBilled Duration: 1.5 ms\tMemory Size: 128 MB\tMax Memory Used: 63.5 MB')],
      ]),
    ).resolves.toMatchObject({ inserted: 2 });
  });

  // A duplicate REPORT must not change measurements already counted in the rollups (the first REPORT wins).
  test('a second REPORT of a counted attempt leaves the rollups equal to a recount', async () => {
    await store('bugs/drift', [
      [0, 'START RequestId: drift Version: $LATEST\n'],
      [10, reportLine('drift', 'Duration: 9.10 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB')],
    ]);
    await store('bugs/drift', [[20, reportLine('drift', 'Duration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB')]]);
    expect(comparable(await storedRollups(prisma, functionId))).toEqual(comparable(await recountRollups(prisma, functionId)));
  });

  // An attempt first seen from a line that is neither START nor REPORT (its START before the backfill window
  // and a page boundary before its REPORT; or an orphan timeout or runtime-exit line) starts at that line.
  test('an attempt first seen without its START or REPORT does not start in 1970', async () => {
    await store('bugs/epoch', [[5_000, '2026-11-22T10:00:05.000Z\tepoch\tINFO\tstill working\n']]);
    await store('bugs/epoch', [
      [5_100, 'END RequestId: epoch\n'],
      [5_101, reportLine('epoch', 'Duration: 300.00 ms\tBilled Duration: 300 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB')],
    ]);
    const attempt = await prisma.attempt.findFirstOrThrow({ where: { functionId, requestId: 'epoch' } });
    expect(attempt.startedAt.getTime()).toBeGreaterThanOrEqual(at);
    expect(attempt.startedAt.getTime()).toBeLessThanOrEqual(at + 5_101);
  });
});
