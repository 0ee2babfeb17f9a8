import { hkdfSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { getSecretBoxKey } from '../../../lib/crypto/get-secret-box-key';
import { deriveSecretBoxKey, openSecret, sealSecret, SecretBoxError } from '../../../lib/crypto/secret-box';

const masterSecret = 'a-master-secret-that-is-at-least-32-characters-long';
const key = deriveSecretBoxKey(masterSecret);

function refusal(action: () => unknown): SecretBoxError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretBoxError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('internal');
    return error as SecretBoxError;
  }
  return expect.unreachable('expected a SecretBoxError');
}

/** Replaces one character of one dot-separated part with another base64url character. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split('.');
  const part = parts[partIndex] ?? '';
  const first = part[0] === 'A' ? 'B' : 'A';
  parts[partIndex] = `${first}${part.slice(1)}`;
  return parts.join('.');
}

test.each([
  ['ascii', 'whsec_5f2b0c1e9a'],
  ['unicode', 'pässwörd 🔐 日本語 — ünïcødé'],
  ['empty', ''],
  ['long', 'x'.repeat(10_000)],
  ['dots and separators', 'v1.a.b.c'],
])('a %s secret comes back as it went in', (_name, plaintext) => {
  const sealed = sealSecret(plaintext, key);
  expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
  expect(openSecret(sealed, key)).toBe(plaintext);
});

test('the sealed text does not contain the plaintext', () => {
  const plaintext = 'smtp-password-in-plain-sight';
  const sealed = sealSecret(plaintext, key);
  expect(sealed).not.toContain(plaintext);
  expect(sealed).not.toContain(Buffer.from(plaintext).toString('base64url'));
});

test('two seals of the same text differ (a fresh IV each time)', () => {
  const first = sealSecret('same text', key);
  const second = sealSecret('same text', key);
  expect(first).not.toBe(second);
  expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
  expect([openSecret(first, key), openSecret(second, key)]).toEqual(['same text', 'same text']);
});

test.each([
  [1, 'IV'],
  [2, 'ciphertext'],
  [3, 'tag'],
])('altering part %i (%s) is refused', (partIndex) => {
  const sealed = sealSecret('a webhook signing key', key);
  const error = refusal(() => openSecret(tamper(sealed, partIndex), key));
  expect(error.message).toBe('Sealed secret does not verify: it was altered, or sealed with another key');
});

test('altering only the spare bits of the last tag character is refused', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const sealed = sealSecret('a webhook signing key', key);
  // 16 bytes take 22 characters, the last carrying 4 unused bits: a lenient decoder ignores a change to them.
  const flipped = alphabet[alphabet.indexOf(sealed.at(-1) ?? '') ^ 1];
  const altered = `${sealed.slice(0, -1)}${flipped}`;
  expect(Buffer.from(altered.split('.')[3] ?? '', 'base64url')).toEqual(Buffer.from(sealed.split('.')[3] ?? '', 'base64url'));
  expect(refusal(() => openSecret(altered, key)).message).toBe('Sealed secret is malformed: its tag is not base64url');
});

test('altering the version is refused', () => {
  const sealed = sealSecret('a webhook signing key', key);
  const error = refusal(() => openSecret(`v2${sealed.slice(2)}`, key));
  expect(error.message).toContain('unknown version "v2"');
});

test('a secret sealed with another key is refused', () => {
  const sealed = sealSecret('a webhook signing key', deriveSecretBoxKey(`${masterSecret}-rotated`));
  const error = refusal(() => openSecret(sealed, key));
  expect(error.message).toContain('does not verify');
});

test.each([
  ['empty text', '', 'expected v1.<base64url iv>.<base64url ciphertext>.<base64url tag>'],
  ['plain text, not sealed', 'hunter2', 'expected v1.<base64url iv>.<base64url ciphertext>.<base64url tag>'],
  ['too many parts', 'v1.a.b.c.d', 'expected v1.<base64url iv>.<base64url ciphertext>.<base64url tag>'],
  ['no version', '.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA', 'unknown version ""'],
  ['standard base64 characters', 'v1.AAAAAAAAAAAAAAA+.AA.AAAAAAAAAAAAAAAAAAAAAA', 'its IV is not base64url'],
  ['padding', 'v1.AAAAAAAAAAAAAAAA.AA==.AAAAAAAAAAAAAAAAAAAAAA', 'its ciphertext is not base64url'],
  ['short IV', 'v1.AAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA', 'its IV must be 12 bytes, not 6'],
  ['short tag', 'v1.AAAAAAAAAAAAAAAA.AA.AAAAAAAA', 'its tag must be 16 bytes, not 6'],
  ['whitespace', 'v1.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA\n', 'its tag is not base64url'],
])('malformed input (%s) is refused with a clear message', (_name, sealed, message) => {
  expect(refusal(() => openSecret(sealed, key)).message).toContain(message);
});

test('a key of the wrong size is refused, sealing or opening', () => {
  expect(refusal(() => sealSecret('x', Buffer.alloc(16))).message).toBe('A secret-box key must be 32 bytes, not 16');
  expect(refusal(() => openSecret(sealSecret('x', key), Buffer.alloc(31))).message).toBe('A secret-box key must be 32 bytes, not 31');
});

test('the derived key is 32 bytes, stable, and neither the master secret nor the session-cookie key', () => {
  expect(key).toHaveLength(32);
  expect(deriveSecretBoxKey(masterSecret).equals(key)).toBe(true);
  expect(key.equals(Buffer.from(masterSecret).subarray(0, 32))).toBe(false);
  // next-auth's session-cookie key: the same master secret through HKDF with its own label and an empty salt.
  const sessionCookieKey = Buffer.from(hkdfSync('sha256', masterSecret, '', 'NextAuth.js Generated Encryption Key', 32));
  const otherLabelKey = Buffer.from(hkdfSync('sha256', masterSecret, '', 'another label', 32));
  expect(key.equals(sessionCookieKey)).toBe(false);
  expect(key.equals(otherLabelKey)).toBe(false);
  expect(deriveSecretBoxKey(`${masterSecret}!`).equals(key)).toBe(false);
});

test('an empty master secret is refused', () => {
  expect(refusal(() => deriveSecretBoxKey('')).message).toContain('empty master secret');
});

test('getSecretBoxKey derives from the configured master secret, or the generated one, with no configuration of its own', () => {
  expect(getSecretBoxKey({ LAMBDASCOPE_AUTH_SECRET: masterSecret, LAMBDASCOPE_DATA_DIR: '/nonexistent' }).equals(key)).toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'secret-box-'));
  try {
    const config = { LAMBDASCOPE_AUTH_SECRET: undefined, LAMBDASCOPE_DATA_DIR: dataDir };
    const generated = getSecretBoxKey(config);
    expect(generated).toHaveLength(32);
    expect(getSecretBoxKey(config).equals(generated)).toBe(true);
    expect(openSecret(sealSecret('kept across calls', generated), getSecretBoxKey(config))).toBe('kept across calls');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
