import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { acknowledgeAlert } from '../../lib/alerts/acknowledge-alert';
import type { AlertActor } from '../../lib/alerts/save-alert-rule';
import { createUser } from '../../lib/auth/create-user';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let prisma: PrismaClient;
let actor: AlertActor;

beforeAll(async () => {
  database = await createTestDatabase('alert-ack');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  const editor = await createUser(prisma, { email: 'ed@example.com', name: 'Ed', role: 'editor', password: 'a long enough password' });
  actor = { userId: editor.id, name: editor.name, email: editor.email, role: 'editor', via: 'session' };
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

// An evaluation pass holds its rules' locks from reading the states to writing them back: an acknowledgement made
// meanwhile must wait for it, or the pass would write the state it read, without the acknowledgement.
test('an acknowledgement waits for an evaluation pass holding its rule, then lands', async () => {
  const source = await prisma.source.create({ data: { name: 's', kind: 'emulator', region: 'us-east-1' } });
  const fn = await prisma.lambdaFunction.create({ data: { sourceId: source.id, name: 'f', arn: 'arn:f', memorySizeMB: 128, timeoutSeconds: 3, logGroupName: '/aws/lambda/f' } });
  const rule = await prisma.alertRule.create({ data: { name: 'r', scope: 'all', signal: 'error_rate', comparison: '>', threshold: 1, windowMinutes: 5 } });
  await prisma.alertState.create({ data: { ruleId: rule.id, functionId: fn.id, state: 'firing', since: new Date(), firedAt: new Date() } });

  const evaluation = new pg.Client({ connectionString: database.url });
  await evaluation.connect();
  try {
    await evaluation.query('BEGIN');
    await evaluation.query('SELECT id FROM alert_rules WHERE id = $1 FOR UPDATE', [rule.id]);
    let landed = false;
    const acknowledging = acknowledgeAlert(prisma, { ruleId: rule.id, functionId: fn.id }, { actor, now: new Date() }).then(() => (landed = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(landed).toBe(false);
    // The pass writes the state back as it read it, and commits.
    await evaluation.query(`UPDATE alert_states SET acknowledged_at = NULL, updated_at = now() WHERE rule_id = $1`, [rule.id]);
    await evaluation.query('COMMIT');
    await acknowledging;
  } finally {
    await evaluation.end();
  }
  expect(await prisma.alertState.findUniqueOrThrow({ where: { ruleId_functionId: { ruleId: rule.id, functionId: fn.id } } })).toMatchObject({
    acknowledgedBy: 'ed@example.com',
    acknowledgedAt: expect.any(Date) as Date,
  });
});
