import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeMemberRole } from '../../lib/auth/change-member-role';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createUser } from '../../lib/auth/create-user';
import { hashSecretToken } from '../../lib/auth/hash-secret-token';
import { listApiTokens } from '../../lib/auth/list-api-tokens';
import { resolveViewer } from '../../lib/auth/resolve-viewer';
import { revokeApiToken } from '../../lib/auth/revoke-api-token';
import { setMemberDisabled } from '../../lib/auth/set-member-disabled';
import type { User } from '../../lib/db/generated/client';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

let db: AuthTestDatabase;
let admin: User;

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_tokens');
  admin = await createUser(db.prisma, { email: uniqueEmail('admin'), name: 'Admin', role: 'admin', password: 'admin password 1' });
});

afterAll(async () => {
  await db?.close();
});

const byBearer = (bearerToken: string, now?: Date) => resolveViewer(db.prisma, { bearerToken, sessionToken: null }, { secret: 'unused-for-tokens-unused-for-tokens', ...(now ? { now } : {}) });

test('a created token is shown once, stored only as its SHA-256 and prefix, and found by hash', async () => {
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'ci', role: 'editor' });
  expect(token.secret).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
  expect(token.prefix).toBe(token.secret.slice(0, 12));
  const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
  expect(row.tokenHash).toBe(hashSecretToken(token.secret));
  expect(JSON.stringify(row)).not.toContain(token.secret);
  expect(await byBearer(token.secret)).toEqual({ userId: null, name: 'ci', email: admin.email, role: 'editor', via: 'token', tokenId: token.id });
  expect(await db.prisma.auditEvent.findFirst({ where: { action: 'token.create', targetId: String(token.id) } })).toMatchObject({
    actorId: admin.id,
    details: { name: 'ci', role: 'editor', prefix: token.prefix, expiresAt: null },
  });
  const listed = await listApiTokens(db.prisma, { actor: viewerOf(admin) });
  expect(JSON.stringify(listed)).not.toContain(token.secret);
});

test('unknown, malformed and near-miss secrets are refused', async () => {
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'near miss', role: 'viewer' });
  for (const secret of ['', 'lsk_', `${token.secret}x`, token.secret.slice(0, -1), token.secret.replace('lsk_', 'lsi_'), 'x'.repeat(500)]) {
    expect(await byBearer(secret)).toBeNull();
  }
});

test('a revoked token is refused from the next request on, and the revocation is audited once', async () => {
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'to revoke', role: 'viewer' });
  expect(await byBearer(token.secret)).not.toBeNull();
  await revokeApiToken(db.prisma, { actor: viewerOf(admin), tokenId: token.id });
  await revokeApiToken(db.prisma, { actor: viewerOf(admin), tokenId: token.id });
  expect(await byBearer(token.secret)).toBeNull();
  expect(await db.prisma.auditEvent.count({ where: { action: 'token.revoke', targetId: String(token.id) } })).toBe(1);
  await expect(revokeApiToken(db.prisma, { actor: viewerOf(admin), tokenId: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
});

test('an expired token is refused; an expiry must be in the future', async () => {
  const expiresAt = new Date(Date.now() + 60_000);
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'short-lived', role: 'viewer', expiresAt });
  expect(await byBearer(token.secret)).not.toBeNull();
  expect(await byBearer(token.secret, new Date(expiresAt.getTime() + 1))).toBeNull();
  await expect(createApiToken(db.prisma, { actor: viewerOf(admin), name: 'past', role: 'viewer', expiresAt: new Date(Date.now() - 1) })).rejects.toMatchObject({
    code: 'validation',
    field: 'expiresAt',
  });
});

test('only admins create, list or revoke tokens; never above their own role, never from a token', async () => {
  const editor = await createUser(db.prisma, { email: uniqueEmail('editor'), name: 'Editor', role: 'editor', password: 'editor password 1' });
  await expect(createApiToken(db.prisma, { actor: viewerOf(editor), name: 'mine', role: 'viewer' })).rejects.toMatchObject({ code: 'forbidden' });
  await expect(listApiTokens(db.prisma, { actor: viewerOf(editor) })).rejects.toMatchObject({ code: 'forbidden' });
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'admin token', role: 'admin' });
  await expect(revokeApiToken(db.prisma, { actor: viewerOf(editor), tokenId: token.id })).rejects.toMatchObject({ code: 'forbidden' });
  const asToken = await byBearer(token.secret);
  await expect(createApiToken(db.prisma, { actor: asToken!, name: 'child', role: 'viewer' })).rejects.toMatchObject({ code: 'forbidden' });
});

test('a token acts with at most its creator’s current role, and stops when its creator is disabled', async () => {
  const creator = await createUser(db.prisma, { email: uniqueEmail('creator'), name: 'Creator', role: 'admin', password: 'creator password 1' });
  const token = await createApiToken(db.prisma, { actor: viewerOf(creator), name: 'creator’s', role: 'admin' });
  expect((await byBearer(token.secret))?.role).toBe('admin');
  await changeMemberRole(db.prisma, { actor: viewerOf(admin), userId: creator.id, role: 'viewer' });
  expect((await byBearer(token.secret))?.role).toBe('viewer');
  await setMemberDisabled(db.prisma, { actor: viewerOf(admin), userId: creator.id, disabled: true });
  expect(await byBearer(token.secret)).toBeNull();
});

test('lastUsedAt is set on first use and then moves at most once a minute', async () => {
  const token = await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'used', role: 'viewer' });
  const lastUsed = async () => (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt?.getTime() ?? null;
  const start = Date.now();
  expect(await lastUsed()).toBeNull();
  await byBearer(token.secret, new Date(start));
  expect(await lastUsed()).toBe(start);
  await byBearer(token.secret, new Date(start + 59_000));
  expect(await lastUsed()).toBe(start);
  await byBearer(token.secret, new Date(start + 60_000));
  expect(await lastUsed()).toBe(start + 60_000);
});
