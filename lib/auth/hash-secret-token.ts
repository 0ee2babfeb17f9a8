import { createHash } from 'node:crypto';

/** The stored form of a token's secret: SHA-256, hex. Enough for 256 random bits; no slow hash needed. */
export function hashSecretToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
