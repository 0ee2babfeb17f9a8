import { randomBytes } from 'node:crypto';
import { hashSecretToken } from './hash-secret-token';

/** `lsk_` API tokens, `lsi_` invitation links: the prefix says what a leaked string is. */
export type SecretTokenKind = 'lsk' | 'lsi';

/** A new random secret (256 bits) and what is stored of it: its SHA-256 and its first characters. */
export function createSecretToken(kind: SecretTokenKind): { secret: string; hash: string; prefix: string } {
  const secret = `${kind}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecretToken(secret), prefix: secret.slice(0, 12) };
}
