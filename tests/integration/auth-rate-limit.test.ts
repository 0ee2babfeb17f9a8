import { afterAll, beforeAll, expect, test } from 'vitest';
import { authorizeCredentials } from '../../lib/auth/authorize-credentials';
import { createUser } from '../../lib/auth/create-user';
import { setMemberDisabled } from '../../lib/auth/set-member-disabled';
import type { User } from '../../lib/db/generated/client';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

let db: AuthTestDatabase;
let user: User;
const password = 'the right password';

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_ratelimit');
  user = await createUser(db.prisma, { email: uniqueEmail('target'), name: 'Target', role: 'viewer', password });
});

afterAll(async () => {
  await db?.close();
});

test('a wrong password and an unknown email get the same single answer', async () => {
  const ip = '198.51.100.1';
  expect(await authorizeCredentials(db.prisma, { email: user.email, password: 'wrong password', ip })).toEqual({ ok: false, reason: 'invalid' });
  expect(await authorizeCredentials(db.prisma, { email: uniqueEmail('nobody'), password: 'wrong password', ip })).toEqual({ ok: false, reason: 'invalid' });
  expect(await authorizeCredentials(db.prisma, { email: user.email.toUpperCase(), password, ip })).toMatchObject({ ok: true, user: { id: user.id } });
});

test('after 5 failures for an email, the 6th is refused even with the right password, naming the wait; it passes once the window has moved on', async () => {
  const start = new Date();
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // Each from another address: the per-email limit holds whatever the IP.
    expect(await authorizeCredentials(db.prisma, { email: user.email, password: 'guess', ip: `203.0.113.${attempt}`, now: at(attempt * 60) })).toEqual({ ok: false, reason: 'invalid' });
  }
  // The oldest failure (at 0 s) leaves the 15-minute window at 900 s: from 300 s, that is 600 s away.
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip: '203.0.113.99', now: at(300) })).toEqual({
    ok: false,
    reason: 'rate_limited',
    retryAfterSeconds: 600,
  });
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip: '203.0.113.99', now: at(899) })).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 1 });
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip: '203.0.113.99', now: at(901) })).toMatchObject({ ok: true });
  // Success starts the email's count over.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    expect(await authorizeCredentials(db.prisma, { email: user.email, password: 'guess', ip: null, now: at(902) })).toEqual({ ok: false, reason: 'invalid' });
  }
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip: null, now: at(903) })).toMatchObject({ ok: true });
});

test('20 failures from one IP block that IP for every email, not other IPs', async () => {
  const ip = '192.0.2.77';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await authorizeCredentials(db.prisma, { email: uniqueEmail(`spray${attempt}`), password: 'guess', ip });
  }
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip })).toMatchObject({ ok: false, reason: 'rate_limited' });
  expect(await authorizeCredentials(db.prisma, { email: user.email, password, ip: '192.0.2.78' })).toMatchObject({ ok: true });
});

test('parallel guesses are counted exactly: of 12 at once, 5 are checked and 7 refused', async () => {
  const target = await createUser(db.prisma, { email: uniqueEmail('parallel'), name: 'Parallel', role: 'viewer', password });
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, index) => authorizeCredentials(db.prisma, { email: target.email, password: 'guess', ip: `198.51.100.${index + 10}` })),
  );
  expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(5);
  expect(results.filter((result) => !result.ok && result.reason === 'rate_limited')).toHaveLength(7);
});

test('a disabled account is named only to someone who knew its password', async () => {
  const admin = await createUser(db.prisma, { email: uniqueEmail('admin'), name: 'Admin', role: 'admin', password: 'admin password 1' });
  const disabled = await createUser(db.prisma, { email: uniqueEmail('disabled'), name: 'Disabled', role: 'viewer', password });
  await setMemberDisabled(db.prisma, { actor: viewerOf(admin), userId: disabled.id, disabled: true });
  expect(await authorizeCredentials(db.prisma, { email: disabled.email, password: 'guess', ip: null })).toEqual({ ok: false, reason: 'invalid' });
  expect(await authorizeCredentials(db.prisma, { email: disabled.email, password, ip: null })).toEqual({ ok: false, reason: 'disabled' });
});
