import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/**
 * HKDF's `info` label for the secret-box key. next-auth derives the session-cookie key from the same
 * master secret with "NextAuth.js Generated Encryption Key"; a label of our own keeps the two keys
 * independent, so neither can open what the other sealed. Changing it makes every sealed secret unreadable.
 */
const secretBoxKeyLabel = 'Lambdascope secret box key v1';

const version = 'v1';
const keyBytes = 32;
/** 96 bits: the IV size GCM is designed for; random per seal, so one key may seal ~2^32 secrets safely. */
const ivBytes = 12;
const tagBytes = 16;
const sealedFormat = `${version}.<base64url iv>.<base64url ciphertext>.<base64url tag>`;

/** A sealed secret that cannot be opened: malformed, altered, or sealed with another key. */
export class SecretBoxError extends AppError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'SecretBoxError';
  }
}

/** A key for sealing secrets, derived with HKDF-SHA256 from a master secret with its own `info` label so it never equals the session-cookie key. */
export function deriveSecretBoxKey(masterSecret: string): Buffer {
  if (masterSecret.length === 0) throw new SecretBoxError('Cannot derive a secret-box key from an empty master secret');
  return Buffer.from(hkdfSync('sha256', masterSecret, Buffer.alloc(0), secretBoxKeyLabel, keyBytes));
}

/** AES-256-GCM with a random IV; the version prefix is authenticated too, so it cannot be swapped. */
export function sealSecret(plaintext: string, key: Buffer): string {
  requireKey(key);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(version));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plaintext of a sealed secret; throws SecretBoxError rather than ever returning unverified bytes. */
export function openSecret(sealed: string, key: Buffer): string {
  requireKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4) throw new SecretBoxError(`Sealed secret is malformed: expected ${sealedFormat}`);
  const [prefix, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  if (prefix !== version) throw new SecretBoxError(`Sealed secret has unknown version "${prefix.slice(0, 16)}": expected ${sealedFormat}`);
  const iv = decodePart(ivText, 'IV', ivBytes);
  const ciphertext = decodePart(ciphertextText, 'ciphertext');
  const tag = decodePart(tagText, 'tag', tagBytes);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(version));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('Sealed secret does not verify: it was altered, or sealed with another key');
  }
}

function requireKey(key: Buffer): void {
  if (key.length !== keyBytes) throw new SecretBoxError(`A secret-box key must be ${keyBytes} bytes, not ${key.length}`);
}

/**
 * Strict base64url: Node's decoder skips characters it does not know and ignores a last character's spare
 * bits, so a part is accepted only if it re-encodes to exactly the same text. Then every character counts.
 */
function decodePart(text: string, name: string, expectedBytes?: number): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new SecretBoxError(`Sealed secret is malformed: its ${name} is not base64url`);
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new SecretBoxError(`Sealed secret is malformed: its ${name} must be ${expectedBytes} bytes, not ${bytes.length}`);
  }
  return bytes;
}
