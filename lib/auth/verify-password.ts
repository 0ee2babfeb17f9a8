import { timingSafeEqual } from 'node:crypto';
import { runScrypt } from './run-scrypt';

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Whether `password` is the one `hash` (from hashPassword, any parameters within sane bounds) was made
 * from; compared in constant time. A hash in any other format never matches.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = FORMAT.exec(hash);
  if (!match) return false;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < 10 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(match[4] as string, 'base64');
  const expected = Buffer.from(match[5] as string, 'base64');
  if (salt.length < 16 || expected.length < 16) return false;
  const actual = await runScrypt(password, salt, { logN, r, p, keyBytes: expected.length });
  return timingSafeEqual(actual, expected);
}
