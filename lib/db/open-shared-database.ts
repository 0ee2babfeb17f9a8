import { resolveDataDir, type AppConfig } from '../config';
import { AppError } from '../errors';
import { openDatabase, type OpenDatabase } from './open-database';

type DatabaseConfig = Pick<AppConfig, 'DATABASE_URL' | 'LAMBDASCOPE_DATA_DIR' | 'LAMBDASCOPE_POSTGRES_PORT'>;

// On globalThis: Next's dev server reloads modules, and each reload must not open another pool.
const shared = globalThis as typeof globalThis & { lambdascopeDatabases?: Map<string, Promise<OpenDatabase>> };
const databases = (shared.lambdascopeDatabases ??= new Map());

/**
 * The web server's one database handle (pages, API routes, the Firehose endpoint), opened and
 * migrated on first use. Failing to open is a 503 — the database may be back for the caller's retry —
 * and is forgotten so the retry tries again. `close()` closes it for everyone and forgets it.
 */
export function openSharedDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const key = config.DATABASE_URL ?? resolveDataDir(config, 'postgres');
  let opening = databases.get(key);
  if (!opening) {
    opening = openDatabase(config).then(
      (database) => ({
        ...database,
        close: async () => {
          databases.delete(key);
          await database.close();
        },
      }),
      (error: unknown) => {
        databases.delete(key);
        throw new AppError('unavailable', `the database is unavailable: ${(error as Error).message}`);
      },
    );
    databases.set(key, opening);
  }
  return opening;
}
