import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { deleteExpiredRows } from '../../lib/store/delete-expired-rows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let prisma: PrismaClient;
const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const daysAgo = (days: number) => new Date(now - days * 86_400_000);

beforeAll(async () => {
  database = await createTestDatabase('retention');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test('each kind of row is kept for its own retention, deleted in bounded batches', async () => {
  const source = await prisma.source.create({ data: { name: 'retention', kind: 'emulator', region: 'us-east-1' } });
  const fn = await prisma.lambdaFunction.create({
    data: { sourceId: source.id, name: 'kept', arn: 'arn', memorySizeMB: 128, timeoutSeconds: 3, logGroupName: '/aws/lambda/kept' },
  });
  const ages = [1, 6, 8, 20, 29, 31, 40, 390, 400];
  await prisma.rawEvent.createMany({
    data: ages.map((age, index) => ({ sourceId: source.id, eventId: `e${index}`, logGroupName: 'g', logStreamName: 's', functionId: fn.id, timestamp: daysAgo(age), kind: 'plain', message: 'x' })),
  });
  await prisma.attempt.createMany({
    data: ages.map((age, index) => ({ functionId: fn.id, requestId: `r${index}`, logStreamName: 's', startedAt: daysAgo(age), status: 'success' })),
  });
  await prisma.invocation.createMany({
    data: ages.map((age, index) => ({ functionId: fn.id, requestId: `r${index}`, attemptCount: 1, firstStartAt: daysAgo(age), finalStatus: 'success' })),
  });
  await prisma.functionMinute.createMany({ data: ages.map((age) => ({ functionId: fn.id, minute: daysAgo(age), invocations: 1 })) });
  await prisma.functionMetricMinute.createMany({ data: ages.map((age) => ({ functionId: fn.id, minute: daysAgo(age), throttles: 1 })) });
  // The hour holding the cutoff (now − 396 days, 12:00) and the one before it: only the earlier is wholly expired.
  const hoursBeforeCutoff = [0, 1];
  const hourRows = hoursBeforeCutoff.map((hours) => ({ functionId: fn.id, hour: new Date(daysAgo(396).getTime() - hours * 3_600_000) }));
  await prisma.functionHour.createMany({ data: [...ages.map((age) => ({ functionId: fn.id, hour: daysAgo(age) })), ...hourRows].map((row) => ({ ...row, invocations: 1 })) });
  await prisma.functionMetricHour.createMany({ data: [...ages.map((age) => ({ functionId: fn.id, hour: daysAgo(age) })), ...hourRows].map((row) => ({ ...row, throttles: 1 })) });

  const rule = await prisma.alertRule.create({ data: { name: 'r', scope: 'all', signal: 'error_rate', comparison: '>', threshold: 1, windowMinutes: 5 } });
  const channel = await prisma.alertChannel.create({ data: { name: 'c', kind: 'webhook', settings: { url: 'https://hooks.example.com/x' } } });
  for (const age of [1, 31, 400]) {
    const event = await prisma.alertEvent.create({ data: { ruleId: rule.id, functionId: fn.id, fromState: 'ok', toState: 'firing', threshold: 1, at: daysAgo(age) } });
    await prisma.notificationDelivery.create({
      data: { eventId: event.id, channelId: channel.id, kind: 'firing', dedupeKey: `k${age}`, notice: {}, status: 'delivered', expiresAt: daysAgo(age - 1), createdAt: daysAgo(age), attemptLog: { create: { durationMs: 5, ok: true } } },
    });
  }

  // A batch of 2 rows: several bounded DELETEs per table instead of one.
  const deleted = await deleteExpiredRows(prisma, { policy: { rawEventsDays: 7, attemptsDays: 30, rollupsDays: 396 }, now, batchSize: 2 });
  expect(deleted).toEqual({ rawEvents: 7, attempts: 4, invocations: 4, minutes: 2, hours: 4, alertHistory: 3 });
  const remaining = async (rows: Promise<Array<{ at: Date }>>) => (await rows).map((row) => Math.round((now - row.at.getTime()) / 86_400_000)).sort((a, b) => a - b);
  expect(await remaining(prisma.rawEvent.findMany().then((rows) => rows.map((row) => ({ at: row.timestamp }))))).toEqual([1, 6]);
  expect(await remaining(prisma.attempt.findMany().then((rows) => rows.map((row) => ({ at: row.startedAt }))))).toEqual([1, 6, 8, 20, 29]);
  expect(await remaining(prisma.invocation.findMany().then((rows) => rows.map((row) => ({ at: row.firstStartAt }))))).toEqual([1, 6, 8, 20, 29]);
  expect(await remaining(prisma.functionMinute.findMany().then((rows) => rows.map((row) => ({ at: row.minute }))))).toEqual([1, 6, 8, 20, 29, 31, 40, 390]);
  expect(await prisma.functionMetricMinute.count()).toBe(8);
  expect(await remaining(prisma.functionHour.findMany().then((rows) => rows.map((row) => ({ at: row.hour }))))).toEqual([1, 6, 8, 20, 29, 31, 40, 390, 396]);
  expect(await prisma.functionMetricHour.count()).toBe(9);
  expect(await prisma.lambdaFunction.count()).toBe(1);
  // Notifications older than the attempts (30 days), events older than the rollups (13 months); tries go with their notification.
  expect(await remaining(prisma.notificationDelivery.findMany().then((rows) => rows.map((row) => ({ at: row.createdAt }))))).toEqual([1]);
  expect(await remaining(prisma.alertEvent.findMany().then((rows) => rows.map((row) => ({ at: row.at }))))).toEqual([1, 31]);
  expect(await prisma.deliveryAttempt.count()).toBe(1);
});
