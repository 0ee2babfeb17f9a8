import { randomBytes } from 'node:crypto';
import { runScrypt, type ScryptParameters } from './run-scrypt';

/** Today's parameters: N = 2^15, r = 8, p = 1 (32 MiB per hash), 32-byte salt, 32-byte key. */
export const currentPasswordParameters: ScryptParameters = { logN: 15, r: 8, p: 1, keyBytes: 32 };
const SALT_BYTES = 32;

/**
 * A memory-hard hash in a self-describing format, `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64, no
 * padding), so stored hashes keep verifying after the parameters rise.
 */
export async function hashPassword(password: string, parameters: ScryptParameters = currentPasswordParameters): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await runScrypt(password, salt, parameters);
  const encode = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${parameters.logN},r=${parameters.r},p=${parameters.p}$${encode(salt)}$${encode(key)}`;
}
