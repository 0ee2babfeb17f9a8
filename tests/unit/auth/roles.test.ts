import { expect, test } from 'vitest';
import { canChange, type ChangeArea } from '../../../lib/auth/can-change';
import { requireChange } from '../../../lib/auth/require-change';
import { roleAtLeast, type Role } from '../../../lib/auth/role';
import { AppError } from '../../../lib/errors';

test.each([
  ['viewer', 'viewer', true],
  ['viewer', 'editor', false],
  ['viewer', 'admin', false],
  ['editor', 'viewer', true],
  ['editor', 'editor', true],
  ['editor', 'admin', false],
  ['admin', 'viewer', true],
  ['admin', 'editor', true],
  ['admin', 'admin', true],
] as const)('%s is at least %s: %s', (role, minimum, expected) => {
  expect(roleAtLeast(role, minimum)).toBe(expected);
});

const areas: ChangeArea[] = ['sources', 'alerts', 'members', 'invites', 'tokens'];
const table: Record<Role, ChangeArea[]> = {
  viewer: [],
  editor: ['sources', 'alerts'],
  admin: ['sources', 'alerts', 'members', 'invites', 'tokens'],
};

test.each(Object.entries(table) as Array<[Role, ChangeArea[]]>)('%s may change exactly %j', (role, allowed) => {
  expect(areas.filter((area) => canChange(role, area))).toEqual(allowed);
});

test('requireChange refuses with a forbidden AppError naming the role needed', () => {
  expect(() => requireChange({ role: 'viewer' }, 'sources')).toThrow(AppError);
  try {
    requireChange({ role: 'editor' }, 'members');
  } catch (error) {
    expect((error as AppError).code).toBe('forbidden');
    expect((error as AppError).message).toBe('Not allowed: changing members needs the admin role (yours is editor).');
  }
  expect(() => requireChange({ role: 'editor' }, 'sources')).not.toThrow();
});
