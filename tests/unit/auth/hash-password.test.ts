import { expect, test } from 'vitest';
import { hashPassword } from '../../../lib/auth/hash-password';
import { verifyPassword } from '../../../lib/auth/verify-password';

test('a hash verifies its own password and no other, in the self-describing scrypt format', async () => {
  const hash = await hashPassword('correct horse battery staple');
  expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{43}\$[A-Za-z0-9+/]{43}$/);
  expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
  expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
  expect(await verifyPassword('', hash)).toBe(false);
});

test('every hash has its own 32-byte salt', async () => {
  const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
  expect(first).not.toBe(second);
  expect(Buffer.from((first.split('$')[3] as string), 'base64')).toHaveLength(32);
});

test('hashes made with other parameters still verify: the format carries them', async () => {
  const older = await hashPassword('an older password', { logN: 12, r: 8, p: 2, keyBytes: 64 });
  expect(older).toMatch(/^\$scrypt\$ln=12,r=8,p=2\$/);
  expect(await verifyPassword('an older password', older)).toBe(true);
  expect(await verifyPassword('another password', older)).toBe(false);
});

test('the same password typed as composed or decomposed Unicode is the same password', async () => {
  const hash = await hashPassword('caf\u00e9 au lait!');
  expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
});

test.each([
  ['empty', ''],
  ['another format', '$2b$12$abcdefghijklmnopqrstuv'],
  ['memory cost beyond bounds', '$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5aw'],
  ['salt too short', '$scrypt$ln=15,r=8,p=1$c2FsdA$a2V5a2V5a2V5a2V5a2V5aw'],
])('a stored hash that is %s never matches', async (_name, hash) => {
  expect(await verifyPassword('anything at all', hash)).toBe(false);
});
