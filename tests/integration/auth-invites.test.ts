import { afterAll, beforeAll, expect, test } from 'vitest';
import { acceptInvite } from '../../lib/auth/accept-invite';
import { authorizeCredentials } from '../../lib/auth/authorize-credentials';
import { createInvite } from '../../lib/auth/create-invite';
import { createUser } from '../../lib/auth/create-user';
import { findPendingInvite } from '../../lib/auth/find-pending-invite';
import { hashSecretToken } from '../../lib/auth/hash-secret-token';
import { listMembers } from '../../lib/auth/list-members';
import { revokeInvite } from '../../lib/auth/revoke-invite';
import { signInWithOAuth } from '../../lib/auth/sign-in-with-oauth';
import type { User } from '../../lib/db/generated/client';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

let db: AuthTestDatabase;
let admin: User;

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_invites');
  admin = await createUser(db.prisma, { email: uniqueEmail('admin'), name: 'Admin', role: 'admin', password: 'admin password 1' });
});

afterAll(async () => {
  await db?.close();
});

test('invite → accept: the invited email and role, the chosen name and password; then sign-in works', async () => {
  const email = uniqueEmail('Invitee').toUpperCase();
  const invite = await createInvite(db.prisma, { actor: viewerOf(admin), email, role: 'editor' });
  expect(invite.token).toMatch(/^lsi_/);
  expect(invite.email).toBe(email.toLowerCase());
  expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  expect((await db.prisma.invite.findUniqueOrThrow({ where: { id: invite.inviteId } })).tokenHash).toBe(hashSecretToken(invite.token));
  expect(await findPendingInvite(db.prisma, invite.token)).toMatchObject({ email: invite.email, role: 'editor', invitedBy: 'Admin' });

  const user = await acceptInvite(db.prisma, { token: invite.token, name: '  Invitee  ', password: 'invitee password' });
  expect(user).toMatchObject({ email: invite.email, name: 'Invitee', role: 'editor', disabledAt: null });
  expect(await authorizeCredentials(db.prisma, { email, password: 'invitee password', ip: null })).toMatchObject({ ok: true, user: { id: user.id } });

  const events = await db.prisma.auditEvent.findMany({ where: { OR: [{ targetType: 'invite', targetId: String(invite.inviteId) }, { action: 'invite.accept', actorId: user.id }] }, orderBy: { id: 'asc' } });
  expect(events.map((event) => [event.action, event.actorId])).toEqual([
    ['member.invite', admin.id],
    ['invite.accept', user.id],
  ]);
});

test('an invitation link works once', async () => {
  const invite = await createInvite(db.prisma, { actor: viewerOf(admin), email: uniqueEmail('once'), role: 'viewer' });
  const results = await Promise.allSettled([
    acceptInvite(db.prisma, { token: invite.token, name: 'First', password: 'first password 1' }),
    acceptInvite(db.prisma, { token: invite.token, name: 'Second', password: 'second password 1' }),
  ]);
  expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  expect(await findPendingInvite(db.prisma, invite.token)).toBeNull();
  await expect(acceptInvite(db.prisma, { token: invite.token, name: 'Third', password: 'third password 1' })).rejects.toMatchObject({ code: 'not_found' });
  expect(await db.prisma.user.count({ where: { email: invite.email } })).toBe(1);
});

test('expired, withdrawn, replaced and made-up invitations are refused', async () => {
  const past = new Date(Date.now() - 8 * 86_400_000);
  const expired = await createInvite(db.prisma, { actor: viewerOf(admin), email: uniqueEmail('expired'), role: 'viewer', now: past });
  const withdrawn = await createInvite(db.prisma, { actor: viewerOf(admin), email: uniqueEmail('withdrawn'), role: 'viewer' });
  await revokeInvite(db.prisma, { actor: viewerOf(admin), inviteId: withdrawn.inviteId });
  const email = uniqueEmail('replaced');
  const replaced = await createInvite(db.prisma, { actor: viewerOf(admin), email, role: 'viewer' });
  const replacement = await createInvite(db.prisma, { actor: viewerOf(admin), email, role: 'admin' });
  for (const token of [expired.token, withdrawn.token, replaced.token, 'lsi_made-up', 'anything']) {
    expect(await findPendingInvite(db.prisma, token)).toBeNull();
    await expect(acceptInvite(db.prisma, { token, name: 'Nobody', password: 'nobody password' })).rejects.toMatchObject({ code: 'not_found' });
  }
  expect(await findPendingInvite(db.prisma, replacement.token)).toMatchObject({ role: 'admin' });
});

test('a member’s email cannot be invited; only admins invite', async () => {
  await expect(createInvite(db.prisma, { actor: viewerOf(admin), email: admin.email, role: 'viewer' })).rejects.toMatchObject({ code: 'conflict', field: 'email' });
  const editor = await createUser(db.prisma, { email: uniqueEmail('editor'), name: 'Editor', role: 'editor', password: 'editor password 1' });
  await expect(createInvite(db.prisma, { actor: viewerOf(editor), email: uniqueEmail('x'), role: 'viewer' })).rejects.toMatchObject({ code: 'forbidden' });
  await expect(listMembers(db.prisma, { actor: viewerOf(editor) })).rejects.toMatchObject({ code: 'forbidden' });
});

test('OAuth signs in a member by verified email (linking), accepts a pending invite, and refuses everyone else', async () => {
  const member = await createUser(db.prisma, { email: uniqueEmail('oauth-member'), name: 'Member', role: 'viewer', password: 'member password 1' });
  const identity = (providerAccountId: string, email: string | null, emailVerified = true) => ({ provider: 'github', providerAccountId, email, emailVerified, name: 'From GitHub' });
  expect(await signInWithOAuth(db.prisma, identity('gh-1', member.email.toUpperCase()))).toEqual({ ok: true, userId: member.id });
  // Linked now: the identity finds its member even if the provider's email changes.
  expect(await signInWithOAuth(db.prisma, identity('gh-1', 'changed@example.com'))).toEqual({ ok: true, userId: member.id });

  const invite = await createInvite(db.prisma, { actor: viewerOf(admin), email: uniqueEmail('oauth-invitee'), role: 'editor' });
  const joined = await signInWithOAuth(db.prisma, identity('gh-2', invite.email));
  expect(joined.ok).toBe(true);
  const newcomer = await db.prisma.user.findUniqueOrThrow({ where: { email: invite.email } });
  expect(newcomer).toMatchObject({ role: 'editor', name: 'From GitHub', passwordHash: null });
  expect(await findPendingInvite(db.prisma, invite.token)).toBeNull();

  expect(await signInWithOAuth(db.prisma, identity('gh-3', uniqueEmail('stranger')))).toEqual({ ok: false, error: 'OAuthNotInvited' });
  expect(await signInWithOAuth(db.prisma, identity('gh-4', member.email, false))).toEqual({ ok: false, error: 'OAuthEmailUnverified' });
  expect(await signInWithOAuth(db.prisma, identity('gh-5', null))).toEqual({ ok: false, error: 'OAuthEmailUnverified' });
  expect(await db.prisma.user.count({ where: { name: 'From GitHub' } })).toBe(1);
});
