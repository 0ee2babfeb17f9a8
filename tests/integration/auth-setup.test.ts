import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFirstAdmin } from '../../lib/auth/create-first-admin';
import { hasUsers } from '../../lib/auth/has-users';
import { verifyPassword } from '../../lib/auth/verify-password';
import { createPrismaClient } from '../../lib/db/create-prisma-client';
import { AppError } from '../../lib/errors';
import { openAuthTestDatabase, type AuthTestDatabase } from '../support/auth-fixtures';

let db: AuthTestDatabase;

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_setup');
});

afterAll(async () => {
  await db?.close();
});

test('two setups at once, from two connection pools: exactly one admin is created, the other is told to sign in', async () => {
  expect(await hasUsers(db.prisma)).toBe(false);
  const other = createPrismaClient(db.database.url);
  try {
    const results = await Promise.allSettled([
      createFirstAdmin(db.prisma, { email: 'Ada@Example.com ', name: 'Ada', password: 'first admin password' }),
      createFirstAdmin(other, { email: 'grace@example.com', name: 'Grace', password: 'second admin password' }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(AppError);
    expect((rejected[0]?.reason as AppError).code).toBe('conflict');
  } finally {
    await other.$disconnect();
  }
  const users = await db.prisma.user.findMany();
  expect(users).toHaveLength(1);
  expect(users[0]?.role).toBe('admin');
  expect(await hasUsers(db.prisma)).toBe(true);
});

test('the admin is stored with a lower-cased email and a scrypt hash, and the setup is in the audit log', async () => {
  const admin = await db.prisma.user.findFirstOrThrow();
  expect(admin.email).toMatch(/^[a-z@.]+$/);
  expect(admin.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
  const password = admin.name === 'Ada' ? 'first admin password' : 'second admin password';
  expect(await verifyPassword(password, admin.passwordHash as string)).toBe(true);
  const events = await db.prisma.auditEvent.findMany();
  expect(events).toEqual([
    expect.objectContaining({ actorId: admin.id, action: 'user.setup', targetType: 'user', targetId: String(admin.id), details: { role: 'admin' } }),
  ]);
});

test('once anyone exists, setup is refused', async () => {
  await expect(createFirstAdmin(db.prisma, { email: 'late@example.com', name: 'Late', password: 'a long enough password' })).rejects.toMatchObject({
    code: 'conflict',
    message: 'Lambdascope is set up already: sign in instead.',
  });
  expect(await db.prisma.user.count()).toBe(1);
});

test('setup input is validated, naming the field', async () => {
  const fresh = await openAuthTestDatabase('auth_setup_validation');
  try {
    await expect(createFirstAdmin(fresh.prisma, { email: 'not-an-email', name: 'X', password: 'a long enough password' })).rejects.toThrow(/email/);
    await expect(createFirstAdmin(fresh.prisma, { email: 'x@example.com', name: 'X', password: 'short' })).rejects.toThrow(/at least 10 characters/);
    expect(await hasUsers(fresh.prisma)).toBe(false);
  } finally {
    await fresh.close();
  }
});
