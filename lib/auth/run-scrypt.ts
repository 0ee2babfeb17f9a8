import { scrypt } from 'node:crypto';

export type ScryptParameters = { logN: number; r: number; p: number; keyBytes: number };

/** scrypt off the event loop (libuv's pool), with room for its memory: 128·N·r bytes, doubled. */
export function runScrypt(password: string, salt: Buffer, { logN, r, p, keyBytes }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyBytes, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
