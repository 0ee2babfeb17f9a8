import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDataDir, type AppConfig } from '../config';

const secrets = new Map<string, string>();

/**
 * The key that signs and encrypts session cookies: LAMBDASCOPE_AUTH_SECRET, else a random secret kept in
 * `<data dir>/auth-secret` (created once, mode 0600), so `npm start` needs no configuration and the CLI
 * and the web server agree. Whoever creates the file first wins; the others read it.
 */
export function getAuthSecret(config: Pick<AppConfig, 'LAMBDASCOPE_AUTH_SECRET' | 'LAMBDASCOPE_DATA_DIR'>): string {
  if (config.LAMBDASCOPE_AUTH_SECRET) return config.LAMBDASCOPE_AUTH_SECRET;
  const file = resolveDataDir(config, 'auth-secret');
  let secret = secrets.get(file);
  if (secret === undefined) {
    secret = readOrCreate(file);
    secrets.set(file, secret);
  }
  return secret;
}

function readOrCreate(file: string): string {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file}: the auth secret is shorter than 32 characters; delete the file to make a new one`);
  return secret;
}
