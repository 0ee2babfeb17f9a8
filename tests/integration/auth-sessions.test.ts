import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { authorizeCredentials } from '../../lib/auth/authorize-credentials';
import { changePassword } from '../../lib/auth/change-password';
import { createUser } from '../../lib/auth/create-user';
import { issueSessionCookie } from '../../lib/auth/issue-session-cookie';
import { listUserSessions } from '../../lib/auth/list-user-sessions';
import { resolveViewer } from '../../lib/auth/resolve-viewer';
import { revokeAuthSession } from '../../lib/auth/revoke-auth-session';
import { setMemberDisabled } from '../../lib/auth/set-member-disabled';
import type { User } from '../../lib/db/generated/client';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
let db: AuthTestDatabase;
let admin: User;

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_sessions');
  admin = await createUser(db.prisma, { email: uniqueEmail('admin'), name: 'Admin', role: 'admin', password: 'admin password 1' });
});

afterAll(async () => {
  await db?.close();
});

async function member(role: 'viewer' | 'editor' = 'viewer'): Promise<User> {
  return createUser(db.prisma, { email: uniqueEmail(role), name: `A ${role}`, role, password: 'member password 1' });
}

const bySession = (sessionToken: string) => resolveViewer(db.prisma, { bearerToken: null, sessionToken }, { secret });

test('a session cookie resolves to its member, role and session', async () => {
  const user = await member('editor');
  const cookie = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 });
  expect(cookie.name).toBe('next-auth.session-token');
  expect(await bySession(cookie.value)).toEqual({
    userId: user.id,
    name: user.name,
    email: user.email,
    role: 'editor',
    via: 'session',
    sessionId: cookie.sessionId,
  });
});

test('forged sessions are refused: garbage, another secret, an unknown sid, someone else’s sid', async () => {
  const user = await member();
  const real = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 });
  const tampered = `${real.value.slice(0, -4)}AAAA`;
  const otherSecret = await encode({ token: { sub: String(user.id), sid: real.sessionId }, secret: 'another-secret-of-at-least-thirty-two-chars' });
  const unknownSid = await encode({ token: { sub: String(user.id), sid: '00000000-0000-4000-8000-000000000000' }, secret });
  const wrongSub = await encode({ token: { sub: String(admin.id), sid: real.sessionId }, secret });
  const noSid = await encode({ token: { sub: String(user.id) }, secret });
  for (const forged of ['not-a-jwt', '', tampered, otherSecret, unknownSid, wrongSub, noSid]) {
    expect(await bySession(forged)).toBeNull();
  }
  expect(await bySession(real.value)).not.toBeNull();
});

test('an expired session is refused, though its cookie still decrypts', async () => {
  const user = await member();
  const past = new Date(Date.now() - 3 * 3_600_000);
  const cookie = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1, now: past });
  expect(await bySession(cookie.value)).toBeNull();
});

test('signing out revokes that session only', async () => {
  const user = await member();
  const [here, there] = await Promise.all([
    issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 }),
    issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 }),
  ]);
  expect(await revokeAuthSession(db.prisma, { sessionId: here.sessionId })).toBe(true);
  expect(await bySession(here.value)).toBeNull();
  expect(await bySession(there.value)).not.toBeNull();
  expect(await revokeAuthSession(db.prisma, { sessionId: here.sessionId })).toBe(false);
});

test('a member can revoke only their own sessions', async () => {
  const [owner, stranger] = await Promise.all([member(), member()]);
  const cookie = await issueSessionCookie(db.prisma, { userId: owner.id, secret, hours: 1 });
  expect(await revokeAuthSession(db.prisma, { sessionId: cookie.sessionId, userId: stranger.id })).toBe(false);
  expect(await bySession(cookie.value)).not.toBeNull();
  expect(await revokeAuthSession(db.prisma, { sessionId: cookie.sessionId, userId: owner.id })).toBe(true);
});

test('a password change ends every session of that member at once, and only theirs; the new password is required from then on', async () => {
  const [user, bystander] = await Promise.all([member(), member()]);
  const cookies = await Promise.all([1, 2, 3].map(() => issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 })));
  const bystanders = await issueSessionCookie(db.prisma, { userId: bystander.id, secret, hours: 1 });
  const viewer = await bySession(cookies[0]?.value as string);
  await expect(changePassword(db.prisma, { actor: viewer!, currentPassword: 'wrong password', newPassword: 'a brand new password' })).rejects.toMatchObject({
    code: 'validation',
    field: 'currentPassword',
  });
  expect(await changePassword(db.prisma, { actor: viewer!, currentPassword: 'member password 1', newPassword: 'a brand new password' })).toEqual({ sessionsEnded: 3 });
  for (const cookie of cookies) expect(await bySession(cookie.value)).toBeNull();
  expect(await listUserSessions(db.prisma, { userId: user.id })).toEqual([]);
  expect(await bySession(bystanders.value)).not.toBeNull();
  expect(await authorizeCredentials(db.prisma, { email: user.email, password: 'member password 1', ip: null })).toEqual({ ok: false, reason: 'invalid' });
  expect(await authorizeCredentials(db.prisma, { email: user.email, password: 'a brand new password', ip: null })).toMatchObject({ ok: true });
  const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'password.change', targetId: String(user.id) } });
  expect(event).toMatchObject({ actorId: user.id, details: { sessionsEnded: 3 } });
});

test('disabling a member refuses their sessions at once; enabling does not bring the old ones back', async () => {
  const user = await member();
  const cookie = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 });
  await setMemberDisabled(db.prisma, { actor: viewerOf(admin), userId: user.id, disabled: true });
  expect(await bySession(cookie.value)).toBeNull();
  const during = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 });
  expect(await bySession(during.value)).toBeNull();
  await setMemberDisabled(db.prisma, { actor: viewerOf(admin), userId: user.id, disabled: false });
  expect(await bySession(cookie.value)).toBeNull();
  expect(await bySession(during.value)).not.toBeNull();
  const actions = (await db.prisma.auditEvent.findMany({ where: { targetId: String(user.id) }, orderBy: { id: 'asc' } })).map((event) => event.action);
  expect(actions).toEqual(['member.disable', 'member.enable']);
});

test('lastSeenAt moves at most once a minute', async () => {
  const user = await member();
  const start = new Date();
  const cookie = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1, now: start });
  const seen = async () => (await db.prisma.authSession.findUniqueOrThrow({ where: { id: cookie.sessionId } })).lastSeenAt.getTime();
  await resolveViewer(db.prisma, { bearerToken: null, sessionToken: cookie.value }, { secret, now: new Date(start.getTime() + 30_000) });
  expect(await seen()).toBe(start.getTime());
  await resolveViewer(db.prisma, { bearerToken: null, sessionToken: cookie.value }, { secret, now: new Date(start.getTime() + 61_000) });
  expect(await seen()).toBe(start.getTime() + 61_000);
});
