import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { takeRateLimitSlot } from '../../lib/ingest/take-rate-limit-slot';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
const clients: PrismaClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase('ratelimit');
  await migrateDatabase(database.url);
  // Three connection pools: as three workers would hold.
  for (let i = 0; i < 3; i += 1) clients.push(createPrismaClient(database.url));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  await database?.drop();
});

test('callers sharing a key, from several workers, never get more than the quota in one second', async () => {
  const granted = await Promise.all(
    Array.from({ length: 18 }, (_, caller) =>
      takeRateLimitSlot(clients[caller % 3] as PrismaClient, { key: 'FilterLogEvents:test', perSecond: 5 }),
    ),
  );
  const perSecond = new Map<number, number>();
  for (const second of granted) perSecond.set(second.getTime(), (perSecond.get(second.getTime()) ?? 0) + 1);
  expect([...perSecond.values()].reduce((sum, count) => sum + count, 0)).toBe(18);
  expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
  // 18 calls at 5 a second need at least four seconds.
  expect(perSecond.size).toBeGreaterThanOrEqual(4);
});
