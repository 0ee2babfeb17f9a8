import { afterAll, beforeAll, expect, test } from 'vitest';
import { alertRuleInputSchema } from '../../lib/alerts/alert-rule-input';
import { evaluateAlertRules } from '../../lib/alerts/evaluate-alert-rules';
import { previewAlertRule } from '../../lib/alerts/preview-alert-rule';
import { saveAlertRule, type AlertActor } from '../../lib/alerts/save-alert-rule';
import { createUser } from '../../lib/auth/create-user';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import type { LogRecord } from '../../lib/lambda-logs/log-record';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const MINUTE = 60_000;
const T = Date.UTC(2026, 10, 20, 6, 0, 0);
const MINUTES = 90;

let database: TestDatabase;
let prisma: PrismaClient;
let actor: AlertActor;
let functionId = 0;

beforeAll(async () => {
  database = await createTestDatabase('alert-preview');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  const editor = await createUser(prisma, { email: 'ed@example.com', name: 'Ed', role: 'editor', password: 'a long enough password' });
  actor = { userId: editor.id, name: editor.name, email: editor.email, role: 'editor', via: 'session' };
  const source = await prisma.source.create({ data: { name: 'preview', kind: 'emulator', region: 'us-east-1' } });
  const fn = await prisma.lambdaFunction.create({
    data: { sourceId: source.id, name: 'preview-fn', arn: 'arn:preview', memorySizeMB: 256, timeoutSeconds: 3, logGroupName: '/aws/lambda/preview-fn' },
  });
  functionId = fn.id;
  // Ingest has caught up well past the last minute.
  const state = await prisma.logGroupState.create({ data: { sourceId: source.id, logGroupName: fn.logGroupName, checkpointMs: BigInt(T + (MINUTES + 60) * MINUTE), backfillStartMs: 0n } });
  // Four requests a minute; errors in two stretches (minutes 20–21, then 40–49) with slower durations.
  let eventId = 0;
  const events = [];
  for (let minute = 0; minute < MINUTES; minute += 1) {
    const bad = (minute >= 20 && minute < 22) || (minute >= 40 && minute < 50);
    for (let n = 0; n < 4; n += 1) {
      const requestId = `r-${minute}-${n}`;
      const at = T + minute * MINUTE + n * 10_000;
      const durationMs = bad ? 900 + n * 10 : 50 + ((minute * 7 + n) % 40);
      const start: LogRecord = { kind: 'start', requestId, version: '$LATEST', format: 'text' };
      const report: LogRecord = {
        kind: 'report', format: 'text', requestId, durationMs, billedDurationMs: durationMs, memorySizeMB: 256, maxMemoryUsedMB: 60,
        ...(bad && n < 3 ? { status: 'error' as const, errorType: 'Runtime.ExitError' } : {}),
      };
      events.push(
        { eventId: String((eventId += 1)), logStreamName: 's', timestamp: at, record: start, message: JSON.stringify(start), functionId },
        { eventId: String((eventId += 1)), logStreamName: 's', timestamp: at + durationMs, record: report, message: JSON.stringify(report), functionId },
      );
    }
  }
  for (let offset = 0; offset < events.length; offset += 200) {
    await writeLogBatch(prisma, { sourceId: source.id, logGroupName: fn.logGroupName, logGroupStateId: state.id, events: events.slice(offset, offset + 200), checkpointMs: T });
  }
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test.each([
  { name: 'error rate over 5 minutes, for 2', rule: { signal: 'error_rate', comparison: '>', threshold: 20, windowMinutes: 5, forMinutes: 2 } },
  { name: 'p95 duration over 3 minutes', rule: { signal: 'p95_duration', comparison: '>=', threshold: 500, windowMinutes: 3, forMinutes: 0, repeatMinutes: 5 } },
  { name: 'cost per hour over 10 minutes', rule: { signal: 'cost_per_hour', comparison: '>', threshold: 0.000001, windowMinutes: 10, forMinutes: 0 } },
])('the preview decides what the worker decides, minute by minute: $name', async ({ rule }) => {
  const input = alertRuleInputSchema.parse({ name: 'previewed', scope: 'function', functionId, ...rule });
  const preview = await previewAlertRule(prisma, input, { functionId, now: new Date(T + MINUTES * MINUTE), hours: MINUTES / 60 });
  expect(preview.points).toHaveLength(MINUTES);

  const saved = await saveAlertRule(prisma, input, actor);
  for (let minute = 1; minute <= MINUTES; minute += 1) await evaluateAlertRules(prisma, { now: new Date(T + minute * MINUTE), appUrl: 'http://test' });
  const events = await prisma.alertEvent.findMany({ where: { ruleId: saved.id }, orderBy: { id: 'asc' } });
  expect(preview.changes.length).toBeGreaterThan(0);
  expect(preview.changes).toEqual(events.map((event) => ({ at: event.at.toISOString(), from: event.fromState, to: event.toState, value: event.value })));
  await prisma.alertRule.delete({ where: { id: saved.id } });
});
