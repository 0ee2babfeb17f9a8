import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeMemberRole } from '../../lib/auth/change-member-role';
import { createUser } from '../../lib/auth/create-user';
import { listMembers } from '../../lib/auth/list-members';
import { setMemberDisabled } from '../../lib/auth/set-member-disabled';
import { createPrismaClient } from '../../lib/db/create-prisma-client';
import type { User } from '../../lib/db/generated/client';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

let db: AuthTestDatabase;

beforeAll(async () => {
  db = await openAuthTestDatabase('auth_members');
});

afterAll(async () => {
  await db?.close();
});

const create = (role: 'admin' | 'editor' | 'viewer', label: string = role): Promise<User> =>
  createUser(db.prisma, { email: uniqueEmail(label), name: label, role, password: 'a member password' });

test('the last active admin can be neither demoted nor disabled; with a second admin, both work', async () => {
  const only = await create('admin', 'only');
  await expect(changeMemberRole(db.prisma, { actor: viewerOf(only), userId: only.id, role: 'editor' })).rejects.toMatchObject({
    code: 'conflict',
    message: 'This is the last active admin: make someone else an admin first.',
  });
  await expect(setMemberDisabled(db.prisma, { actor: viewerOf(only), userId: only.id, disabled: true })).rejects.toMatchObject({ code: 'conflict' });

  const second = await create('editor', 'second');
  await changeMemberRole(db.prisma, { actor: viewerOf(only), userId: second.id, role: 'admin' });
  await setMemberDisabled(db.prisma, { actor: viewerOf(only), userId: second.id, disabled: true });
  // A disabled admin is no admin to fall back on.
  await expect(changeMemberRole(db.prisma, { actor: viewerOf(only), userId: only.id, role: 'viewer' })).rejects.toMatchObject({ code: 'conflict' });
  await setMemberDisabled(db.prisma, { actor: viewerOf(only), userId: second.id, disabled: false });
  await changeMemberRole(db.prisma, { actor: viewerOf(only), userId: only.id, role: 'viewer' });

  const role = async (user: User) => (await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role;
  expect([await role(only), await role(second)]).toEqual(['viewer', 'admin']);
  const changes = await db.prisma.auditEvent.findMany({ where: { action: 'member.role' }, orderBy: { id: 'asc' } });
  expect(changes.map((event) => event.details)).toEqual([
    { email: second.email, from: 'editor', to: 'admin' },
    { email: only.email, from: 'admin', to: 'viewer' },
  ]);
});

test('two admins demoting each other at once: one succeeds, one admin remains', async () => {
  const fresh = createPrismaClient(db.database.url);
  try {
    await db.prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'viewer' } });
    const [a, b] = await Promise.all([create('admin', 'a'), create('admin', 'b')]);
    const results = await Promise.allSettled([
      changeMemberRole(db.prisma, { actor: viewerOf(a), userId: b.id, role: 'viewer' }),
      changeMemberRole(fresh, { actor: viewerOf(b), userId: a.id, role: 'viewer' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.prisma.user.count({ where: { role: 'admin', disabledAt: null } })).toBe(1);
  } finally {
    await fresh.$disconnect();
  }
});

test('nobody disables themselves; editors and viewers change nobody', async () => {
  const admin = await create('admin', 'self');
  const editor = await create('editor');
  const viewer = await create('viewer');
  await expect(setMemberDisabled(db.prisma, { actor: viewerOf(admin), userId: admin.id, disabled: true })).rejects.toMatchObject({ code: 'conflict' });
  for (const actor of [editor, viewer]) {
    await expect(changeMemberRole(db.prisma, { actor: viewerOf(actor), userId: actor.id, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setMemberDisabled(db.prisma, { actor: viewerOf(actor), userId: admin.id, disabled: true })).rejects.toMatchObject({ code: 'forbidden' });
  }
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe('viewer');
});

test('the member list shows role, status and how each signs in', async () => {
  const admin = await create('admin', 'lister');
  const { members } = await listMembers(db.prisma, { actor: viewerOf(admin) });
  expect(members.find((member) => member.id === admin.id)).toMatchObject({
    role: 'admin',
    disabledAt: null,
    lastSeenAt: null,
    signsInWith: { password: true, providers: [] },
  });
});
