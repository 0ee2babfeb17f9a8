import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { z } from 'zod';
import { acknowledgeAlert } from '../../lib/alerts/acknowledge-alert';
import { alertChannelInputSchema } from '../../lib/alerts/alert-channel-input';
import type { AlertNotice } from '../../lib/alerts/alert-notice';
import { alertRuleInputSchema } from '../../lib/alerts/alert-rule-input';
import { createAlertChannel } from '../../lib/alerts/create-alert-channel';
import { evaluateAlertRules, type EvaluationResult } from '../../lib/alerts/evaluate-alert-rules';
import { saveAlertRule, type AlertActor } from '../../lib/alerts/save-alert-rule';
import { createUser } from '../../lib/auth/create-user';
import { deriveSecretBoxKey } from '../../lib/crypto/secret-box';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import type { LogRecord } from '../../lib/lambda-logs/log-record';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import type { StoredEventInput } from '../../lib/store/store-types';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The evaluator on data written at chosen minutes and judged at chosen instants: no emulator, no
 * clock, no sleeping. Rules are judged globally, so each test deletes its rules when it ends and
 * names its functions so no other test's pattern matches them.
 */
const MINUTE = 60_000;
const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 21, 8, 0, 0);
const APP_URL = 'https://lambdascope.example.com';
const secretKey = deriveSecretBoxKey('a test master secret of enough length');

let database: TestDatabase;
let prisma: PrismaClient;
/** A second pool on the same database: a second worker. */
let other: PrismaClient;
let sourceId: number;
let actor: AlertActor;
const rulesToDelete: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase('alert_eval');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  other = createPrismaClient(database.url);
  sourceId = (await prisma.source.create({ data: { name: 'alert evaluation', kind: 'emulator', region: 'us-east-1' } })).id;
  const editor = await createUser(prisma, { email: 'ed@example.com', name: 'Ed Editor', role: 'editor', password: 'a long enough password' });
  actor = { userId: editor.id, name: editor.name, email: editor.email, role: 'editor', via: 'session' };
  // Channels here are never sent to; they only need to pass the SSRF check to exist.
  await prisma.outboundHostAllowance.create({ data: { host: '127.0.0.1', reason: 'never-contacted test channels', createdBy: 'admin@example.com' } });
});

afterEach(async () => {
  await prisma.alertRule.deleteMany({ where: { id: { in: rulesToDelete.splice(0) } } });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await other?.$disconnect();
  await database?.drop();
});

type TestFunction = { id: number; name: string; logGroupName: string; stateId: number };

/** A function and its log group's state; by default its checkpoint is a day ahead, so only `now` limits judging. */
async function createFunction(name: string, options: { timeoutSeconds?: number; checkpointMs?: number; deletedAt?: Date } = {}): Promise<TestFunction> {
  const fn = await prisma.lambdaFunction.create({
    data: {
      sourceId,
      name,
      arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
      memorySizeMB: 1024,
      timeoutSeconds: options.timeoutSeconds ?? 3,
      logGroupName: `/aws/lambda/${name}`,
      deletedAt: options.deletedAt ?? null,
    },
  });
  const state = await prisma.logGroupState.create({
    data: { sourceId, logGroupName: fn.logGroupName, checkpointMs: BigInt(options.checkpointMs ?? T + 24 * HOUR), backfillStartMs: 0n },
  });
  return { id: fn.id, name, logGroupName: fn.logGroupName, stateId: state.id };
}

async function setCheckpoint(fn: TestFunction, checkpointMs: number): Promise<void> {
  await prisma.logGroupState.update({ where: { id: fn.stateId }, data: { checkpointMs: BigInt(checkpointMs) } });
}

type Call = { at: number; durationMs?: number; billedDurationMs?: number; failed?: boolean };

let sequence = 0;

/** Stores START and REPORT lines as the poller would, without moving the checkpoint (tests set it themselves). */
async function writeCalls(fn: TestFunction, calls: readonly Call[]): Promise<void> {
  const line = (at: number, record: LogRecord, eventId: string): StoredEventInput => ({
    eventId, logStreamName: '2026/11/21/[$LATEST]0123456789abcdef', timestamp: at, record, message: JSON.stringify(record), functionId: fn.id,
  });
  const events = calls.flatMap((call) => {
    sequence += 1;
    const requestId = `${fn.name}-request-${sequence}`;
    const durationMs = call.durationMs ?? 100;
    return [
      line(call.at, { kind: 'start', requestId, version: '$LATEST', format: 'text' }, `${requestId}-start`),
      line(call.at + durationMs, {
        kind: 'report', format: 'text', requestId, durationMs, billedDurationMs: call.billedDurationMs ?? durationMs, memorySizeMB: 1024, maxMemoryUsedMB: 64,
        ...(call.failed ? { status: 'error' as const, errorType: 'Runtime.ExitError' } : {}),
      }, `${requestId}-report`),
    ];
  });
  await writeLogBatch(prisma, { sourceId, logGroupName: fn.logGroupName, logGroupStateId: fn.stateId, events, checkpointMs: 0 });
}

/** `count` calls started within the minute at `minuteStart`, the first `failed` of them failing. */
function callsIn(minuteStart: number, count: number, failed: number, durationMs = 100): Call[] {
  return Array.from({ length: count }, (_, index) => ({ at: minuteStart + 1_000 + index * 2_000, durationMs, failed: index < failed }));
}

type RuleFields = Partial<z.input<typeof alertRuleInputSchema>>;

let ruleNumber = 0;

/** An error rate > 20 % rule over 1-minute windows unless told otherwise; deleted when the test ends. */
async function createRule(fields: RuleFields): Promise<number> {
  ruleNumber += 1;
  const input = alertRuleInputSchema.parse({ name: `rule ${ruleNumber}`, signal: 'error_rate', comparison: '>', threshold: 20, windowMinutes: 1, ...fields });
  const { id } = await saveAlertRule(prisma, input, actor);
  rulesToDelete.push(id);
  return id;
}

let channelNumber = 0;

/** A channel of the test's own, so its outbox rows can be counted apart. */
async function createChannel(): Promise<number> {
  channelNumber += 1;
  const input = alertChannelInputSchema.parse({ kind: 'webhook', name: `evaluation channel ${channelNumber}`, settings: { url: 'http://127.0.0.1:9/never' } });
  return (await createAlertChannel(prisma, input, { actor, secretKey })).id;
}

function evaluate(now: number, options: { client?: PrismaClient; maxCatchUpMinutes?: number } = {}): Promise<EvaluationResult> {
  return evaluateAlertRules(options.client ?? prisma, {
    now: new Date(now),
    appUrl: APP_URL,
    ...(options.maxCatchUpMinutes === undefined ? {} : { maxCatchUpMinutes: options.maxCatchUpMinutes }),
  });
}

const iso = (ms: number) => new Date(ms).toISOString();

async function eventsOf(ruleId: number) {
  const events = await prisma.alertEvent.findMany({ where: { ruleId }, orderBy: { id: 'asc' } });
  return events.map((event) => ({ functionId: event.functionId, from: event.fromState, to: event.toState, value: event.value, at: event.at.toISOString() }));
}

async function stateOf(ruleId: number, functionId: number) {
  return prisma.alertState.findUnique({ where: { ruleId_functionId: { ruleId, functionId } } });
}

async function evaluatedUntil(ruleId: number): Promise<string | null> {
  return (await prisma.alertRule.findUniqueOrThrow({ where: { id: ruleId } })).evaluatedUntil?.toISOString() ?? null;
}

async function deliveriesTo(channelId: number) {
  const deliveries = await prisma.notificationDelivery.findMany({ where: { channelId }, orderBy: { id: 'asc' } });
  return deliveries.map((delivery) => ({ kind: delivery.kind, eventId: delivery.eventId, dedupeKey: delivery.dedupeKey, notice: delivery.notice as AlertNotice }));
}

test('a minute is judged only once its log group is complete past its end plus the timeout, then fires', async () => {
  const B = T + 10 * MINUTE;
  const fn = await createFunction('late-data', { timeoutSeconds: 3 });
  await writeCalls(fn, callsIn(B, 10, 10));
  const channelId = await createChannel();
  const ruleId = await createRule({ scope: 'function', functionId: fn.id, channelIds: [channelId] });
  const now = B + 5 * MINUTE;

  // Events are in up to 1 ms short of the minute's end + 3 s: an attempt started at 59.9 s could still report.
  await setCheckpoint(fn, B + MINUTE + 3_000 - 1);
  const early = await evaluate(now);
  expect(early).toMatchObject({ rules: 1, steps: 1, changes: 0, notifications: 0 });
  expect(await stateOf(ruleId, fn.id)).toBeNull();
  expect(await eventsOf(ruleId)).toEqual([]);
  // Judged up to the window ending where the bad minute begins, not past it.
  expect(await evaluatedUntil(ruleId)).toBe(iso(B));

  // The same clock: only the checkpoint moved.
  await setCheckpoint(fn, B + MINUTE + 3_000);
  const late = await evaluate(now);
  expect(late).toMatchObject({ rules: 1, steps: 1, changes: 1, notifications: 1 });
  expect(await eventsOf(ruleId)).toEqual([{ functionId: fn.id, from: 'ok', to: 'firing', value: 100, at: iso(B + MINUTE) }]);
  expect(await stateOf(ruleId, fn.id)).toMatchObject({ state: 'firing', lastValue: 100, firedAt: new Date(B + MINUTE) });
  expect(await evaluatedUntil(ruleId)).toBe(iso(B + MINUTE));
  expect((await deliveriesTo(channelId)).map((delivery) => delivery.kind)).toEqual(['firing']);
});

test('`for` 3 minutes: one bad minute goes pending and back to ok silently; four bad minutes fire exactly once', async () => {
  const B = T + 2 * HOUR;
  const single = await createFunction('for-single');
  const four = await createFunction('for-four');
  await writeCalls(single, callsIn(B, 5, 5));
  for (let minute = 0; minute < 4; minute += 1) await writeCalls(four, callsIn(B + minute * MINUTE, 5, 5));
  const channelId = await createChannel();
  const singleRule = await createRule({ scope: 'function', functionId: single.id, forMinutes: 3, channelIds: [channelId] });
  const fourRule = await createRule({ scope: 'function', functionId: four.id, forMinutes: 3, channelIds: [channelId] });

  await evaluate(B);
  const singleStates: string[] = [];
  for (let minute = 1; minute <= 8; minute += 1) {
    const result = await evaluate(B + minute * MINUTE);
    expect(result.steps).toBe(2);
    singleStates.push((await stateOf(singleRule, single.id))?.state ?? 'no row');
  }
  expect(singleStates).toEqual(['pending', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  expect(await eventsOf(singleRule)).toEqual([
    { functionId: single.id, from: 'ok', to: 'pending', value: 100, at: iso(B + MINUTE) },
    { functionId: single.id, from: 'pending', to: 'ok', value: null, at: iso(B + 2 * MINUTE) },
  ]);
  expect(await eventsOf(fourRule)).toEqual([
    { functionId: four.id, from: 'ok', to: 'pending', value: 100, at: iso(B + MINUTE) },
    // Pending since the first bad window's end; 3 minutes later the fourth bad window fires it.
    { functionId: four.id, from: 'pending', to: 'firing', value: 100, at: iso(B + 4 * MINUTE) },
    // Resolving also waits for `for`: three clear windows.
    { functionId: four.id, from: 'firing', to: 'resolved', value: null, at: iso(B + 7 * MINUTE) },
  ]);
  const deliveries = await deliveriesTo(channelId);
  expect(deliveries.filter((delivery) => delivery.notice.ruleId === singleRule)).toEqual([]);
  expect(deliveries.map((delivery) => [delivery.notice.ruleId, delivery.kind])).toEqual([
    [fourRule, 'firing'],
    [fourRule, 'resolved'],
  ]);
  expect(deliveries[0]?.notice).toMatchObject({ kind: 'firing', since: iso(B + 4 * MINUTE), functionName: 'for-four', functionUrl: `${APP_URL}/functions/${four.id}` });
});

test('after a pause, one evaluation judges every missed minute in order, at most maxCatchUpMinutes of them', async () => {
  const B = T + 4 * HOUR;
  const fn = await createFunction('catch-up');
  await writeCalls(fn, callsIn(B + 2 * MINUTE, 4, 4));
  await writeCalls(fn, callsIn(B + 5 * MINUTE, 4, 2));
  const ruleId = await createRule({ scope: 'function', functionId: fn.id });

  await evaluate(B);
  expect(await evaluatedUntil(ruleId)).toBe(iso(B));

  // Ten minutes later, in one call: windows ending B+1 … B+10.
  const caughtUp = await evaluate(B + 10 * MINUTE);
  expect(caughtUp).toMatchObject({ rules: 1, steps: 10, changes: 4 });
  expect(await eventsOf(ruleId)).toEqual([
    { functionId: fn.id, from: 'ok', to: 'firing', value: 100, at: iso(B + 3 * MINUTE) },
    // Two clear windows resolve it.
    { functionId: fn.id, from: 'firing', to: 'resolved', value: null, at: iso(B + 5 * MINUTE) },
    { functionId: fn.id, from: 'resolved', to: 'firing', value: 50, at: iso(B + 6 * MINUTE) },
    { functionId: fn.id, from: 'firing', to: 'resolved', value: null, at: iso(B + 8 * MINUTE) },
  ]);
  expect(await evaluatedUntil(ruleId)).toBe(iso(B + 10 * MINUTE));

  // A longer pause: only the last 5 minutes (B+46 … B+50) are judged; the bad minute before them is not.
  await writeCalls(fn, callsIn(B + 30 * MINUTE, 4, 4));
  await writeCalls(fn, callsIn(B + 45 * MINUTE, 4, 4));
  const capped = await evaluate(B + 50 * MINUTE, { maxCatchUpMinutes: 5 });
  expect(capped).toMatchObject({ rules: 1, steps: 5, changes: 2 });
  expect((await eventsOf(ruleId)).slice(4)).toEqual([
    { functionId: fn.id, from: 'resolved', to: 'firing', value: 100, at: iso(B + 46 * MINUTE) },
    { functionId: fn.id, from: 'firing', to: 'resolved', value: null, at: iso(B + 48 * MINUTE) },
  ]);
  expect(await evaluatedUntil(ruleId)).toBe(iso(B + 50 * MINUTE));
});

test('a rule another worker holds is skipped, not waited for', async () => {
  const B = T + 6 * HOUR;
  const fn = await createFunction('locked-rule');
  await writeCalls(fn, callsIn(B, 4, 4));
  const free = await createRule({ scope: 'function', functionId: fn.id });
  const held = await createRule({ scope: 'function', functionId: fn.id, threshold: 50 });

  let whileHeld: EvaluationResult | undefined;
  await other.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM alert_rules WHERE id = ${held} FOR UPDATE`;
      whileHeld = await evaluate(B + MINUTE);
    },
    { timeout: 60_000 },
  );
  expect(whileHeld).toMatchObject({ rules: 1, skippedLocked: 1, steps: 1, changes: 1 });
  expect(await evaluatedUntil(free)).toBe(iso(B + MINUTE));
  expect(await evaluatedUntil(held)).toBeNull();
  expect(await stateOf(held, fn.id)).toBeNull();

  const after = await evaluate(B + MINUTE);
  expect(after).toMatchObject({ rules: 2, skippedLocked: 0, steps: 1, changes: 1 });
  expect(await eventsOf(held)).toEqual([{ functionId: fn.id, from: 'ok', to: 'firing', value: 100, at: iso(B + MINUTE) }]);
});

test('two workers evaluating at the same instant judge each minute once: no duplicate events or deliveries', async () => {
  const B = T + 8 * HOUR;
  const channelId = await createChannel();
  const ruleIds: number[] = [];
  for (let index = 0; index < 4; index += 1) {
    const fn = await createFunction(`race-${index}`);
    await writeCalls(fn, callsIn(B + MINUTE, 6, 3 + index));
    ruleIds.push(await createRule({ scope: 'function', functionId: fn.id, threshold: 20, channelIds: [channelId] }));
    ruleIds.push(await createRule({ scope: 'function', functionId: fn.id, threshold: 40, channelIds: [channelId] }));
  }
  const results: EvaluationResult[] = [];
  for (let minute = 0; minute <= 6; minute += 1) {
    const round = await Promise.all([evaluate(B + minute * MINUTE, { client: prisma }), evaluate(B + minute * MINUTE, { client: other })]);
    for (const result of round) expect(result.rules + result.skippedLocked).toBe(ruleIds.length);
    // Whichever worker locked a rule judged its one new minute; the other found nothing left to judge.
    expect(round[0].steps + round[1].steps).toBe(ruleIds.length);
    expect(round[0].rules + round[1].rules).toBeGreaterThanOrEqual(ruleIds.length);
    results.push(...round);
  }
  const events = await prisma.alertEvent.findMany({ where: { ruleId: { in: ruleIds } } });
  // Every rule fires on the window ending B+2 and resolves after two clear ones, at B+4.
  expect(events).toHaveLength(2 * ruleIds.length);
  expect(new Set(events.map((event) => `${event.ruleId}:${event.functionId}:${event.toState}:${event.at.toISOString()}`)).size).toBe(events.length);
  expect(events.filter((event) => event.toState === 'firing').every((event) => event.at.getTime() === B + 2 * MINUTE)).toBe(true);
  expect(results.reduce((sum, result) => sum + result.changes, 0)).toBe(events.length);

  const deliveries = await deliveriesTo(channelId);
  expect(deliveries).toHaveLength(2 * ruleIds.length);
  expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(deliveries.length);
  expect(results.reduce((sum, result) => sum + result.notifications, 0)).toBe(deliveries.length);
  for (const ruleId of ruleIds) expect(await evaluatedUntil(ruleId)).toBe(iso(B + 6 * MINUTE));
});

test('evaluating again with the same now, or an earlier one, changes nothing', async () => {
  const B = T + 10 * HOUR;
  const fn = await createFunction('replay');
  await writeCalls(fn, callsIn(B, 4, 4));
  await writeCalls(fn, callsIn(B + MINUTE, 4, 4));
  const channelId = await createChannel();
  const ruleId = await createRule({ scope: 'function', functionId: fn.id, forMinutes: 1, channelIds: [channelId] });
  await evaluate(B);
  const first = await evaluate(B + 2 * MINUTE);
  expect(first).toMatchObject({ steps: 2, changes: 2, notifications: 1 });

  const snapshot = async () => ({
    rule: await prisma.alertRule.findUniqueOrThrow({ where: { id: ruleId } }),
    states: await prisma.alertState.findMany({ where: { ruleId } }),
    events: await prisma.alertEvent.findMany({ where: { ruleId }, orderBy: { id: 'asc' } }),
    deliveries: await prisma.notificationDelivery.findMany({ where: { channelId }, orderBy: { id: 'asc' } }),
  });
  const before = await snapshot();
  expect(before.states).toMatchObject([{ state: 'firing' }]);

  for (const now of [B + 2 * MINUTE, B + 2 * MINUTE + 59_999, B + MINUTE]) {
    expect(await evaluate(now)).toEqual({ rules: 1, skippedLocked: 0, steps: 0, changes: 0, notifications: 0 });
  }
  // updated_at included: not even rewritten with the same values.
  expect(await snapshot()).toEqual(before);
});

test('an acknowledged firing alert is not repeated; an unacknowledged one is, after repeatMinutes', async () => {
  const B = T + 12 * HOUR;
  const acknowledged = await createFunction('ackrep-acknowledged');
  const ignored = await createFunction('ackrep-ignored');
  for (let minute = 0; minute < 8; minute += 1) {
    await writeCalls(acknowledged, callsIn(B + minute * MINUTE, 3, 3));
    await writeCalls(ignored, callsIn(B + minute * MINUTE, 3, 3));
  }
  const channelId = await createChannel();
  const ruleId = await createRule({ scope: 'pattern', pattern: 'ackrep-*', repeatMinutes: 5, channelIds: [channelId] });
  await evaluate(B);
  await evaluate(B + MINUTE);
  expect((await stateOf(ruleId, acknowledged.id))?.state).toBe('firing');
  await acknowledgeAlert(prisma, { ruleId, functionId: acknowledged.id }, { actor, now: new Date(B + MINUTE + 30_000) });

  for (let minute = 2; minute <= 8; minute += 1) await evaluate(B + minute * MINUTE);

  const deliveries = await deliveriesTo(channelId);
  const kindsFor = (functionId: number) => deliveries.filter((delivery) => delivery.notice.functionId === functionId).map((delivery) => delivery.kind);
  expect(kindsFor(acknowledged.id)).toEqual(['firing']);
  expect(kindsFor(ignored.id)).toEqual(['firing', 'repeat']);
  const repeat = deliveries.find((delivery) => delivery.kind === 'repeat');
  // Five minutes after the firing notice; it reports the original firing, and is no state change.
  expect(repeat?.dedupeKey).toBe(`repeat:${ruleId}:${ignored.id}:${iso(B + 6 * MINUTE)}:${channelId}`);
  expect(repeat?.eventId).toBeNull();
  expect(repeat?.notice).toMatchObject({ kind: 'repeat', since: iso(B + MINUTE), functionName: 'ackrep-ignored', value: 100 });
  expect(await stateOf(ruleId, acknowledged.id)).toMatchObject({ state: 'firing', acknowledgedAt: new Date(B + MINUTE + 30_000), acknowledgedBy: 'ed@example.com', lastNotifiedAt: new Date(B + MINUTE) });
  expect(await stateOf(ruleId, ignored.id)).toMatchObject({ state: 'firing', acknowledgedAt: null, lastNotifiedAt: new Date(B + 6 * MINUTE) });
  expect((await eventsOf(ruleId)).map((event) => event.to)).toEqual(['firing', 'firing']);
});

test('a pattern rule watches only the functions it matches; deleted functions are not evaluated', async () => {
  const B = T + 14 * HOUR;
  const api = await createFunction('orders-api');
  const worker = await createFunction('orders-worker');
  const billing = await createFunction('billing-api');
  const capitalized = await createFunction('Orders-admin');
  // Deleted, and its log group long silent: were it still watched, it would hold the rule back too.
  const legacy = await createFunction('orders-legacy', { deletedAt: new Date(B - HOUR), checkpointMs: 0 });
  for (const fn of [api, worker, billing, capitalized, legacy]) await writeCalls(fn, callsIn(B, 4, 4));
  const patternRule = await createRule({ scope: 'pattern', pattern: 'orders-*' });
  const deletedRule = await createRule({ scope: 'function', functionId: legacy.id });

  const result = await evaluate(B + MINUTE);
  expect(result).toMatchObject({ rules: 2, steps: 2, changes: 2 });
  expect((await eventsOf(patternRule)).map((event) => event.functionId).sort()).toEqual([api.id, worker.id].sort());
  expect(await prisma.alertState.count({ where: { ruleId: patternRule, functionId: { in: [billing.id, capitalized.id, legacy.id] } } })).toBe(0);
  expect(await evaluatedUntil(patternRule)).toBe(iso(B + MINUTE));
  expect(await eventsOf(deletedRule)).toEqual([]);
  expect(await evaluatedUntil(deletedRule)).toBeNull();
});

test('signals: error rate, p95 duration, no invocations and cost per hour have the values the rollups say', async () => {
  const B = T + 16 * HOUR;
  const busy = await createFunction('signals-busy');
  const quiet = await createFunction('signals-quiet');
  // 20 calls of 10, 20 … 200 ms, 4 failing, each billed 1 s at 1,024 MB: 20 GB-s.
  await writeCalls(busy, Array.from({ length: 20 }, (_, index) => ({ at: B + 1_000 + index * 2_000, durationMs: 10 * (index + 1), billedDurationMs: 1_000, failed: index % 5 === 0 })));
  const channelId = await createChannel();
  const rules = {
    errorRate: await createRule({ scope: 'function', functionId: busy.id, signal: 'error_rate', comparison: '>', threshold: 10, channelIds: [channelId] }),
    p95: await createRule({ scope: 'function', functionId: busy.id, signal: 'p95_duration', comparison: '>', threshold: 100 }),
    cost: await createRule({ scope: 'function', functionId: busy.id, signal: 'cost_per_hour', comparison: '>', threshold: 0.01, windowMinutes: 2 }),
    quietFunction: await createRule({ scope: 'function', functionId: quiet.id, signal: 'no_invocations', comparison: '<', threshold: 1 }),
    busyFunction: await createRule({ scope: 'function', functionId: busy.id, signal: 'no_invocations', comparison: '<', threshold: 1 }),
    quietErrorRate: await createRule({ scope: 'function', functionId: quiet.id, signal: 'error_rate', comparison: '<', threshold: 50 }),
  };

  await evaluate(B + MINUTE);

  const fired = async (ruleId: number, functionId: number) => {
    const [event] = await eventsOf(ruleId);
    const state = await stateOf(ruleId, functionId);
    expect(event).toMatchObject({ from: 'ok', to: 'firing', at: iso(B + MINUTE) });
    expect(state?.state).toBe('firing');
    expect(state?.lastValue).toBe(event?.value);
    return event?.value ?? Number.NaN;
  };
  expect(await fired(rules.errorRate, busy.id)).toBe(20);
  // Nearest rank: the 19th of 20 sorted durations, within the histogram's 0.5 %.
  const p95 = await fired(rules.p95, busy.id);
  expect(Math.abs(p95 - 190) / 190).toBeLessThanOrEqual(0.005);
  // us-east-1 x86_64: 20 requests × $0.20/M + 20 GB-s × $0.0000166667, over a 2-minute window, per hour.
  expect(await fired(rules.cost, busy.id)).toBeCloseTo(((20 * 0.2) / 1_000_000 + 20 * 0.0000166667) * 30, 10);
  expect(await fired(rules.quietFunction, quiet.id)).toBe(0);
  // 20 invocations is not < 1, and an error rate without invocations is no value, which never breaches: neither has a row.
  expect(await stateOf(rules.busyFunction, busy.id)).toBeNull();
  expect(await stateOf(rules.quietErrorRate, quiet.id)).toBeNull();

  // A failure signal that notifies names a failed request to investigate, in its history and its notice.
  const [event] = await prisma.alertEvent.findMany({ where: { ruleId: rules.errorRate } });
  const sample = await prisma.attempt.findFirst({ where: { functionId: busy.id, requestId: event?.sampleRequestId ?? '' } });
  expect(sample?.status).toBe('error');
  const [delivery] = await deliveriesTo(channelId);
  expect(delivery?.notice).toMatchObject({ value: 20, valueText: '20 %', thresholdText: '> 10 %', sampleRequest: { requestId: sample?.requestId } });
});
