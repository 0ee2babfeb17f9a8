import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { listMigrations } from './list-migrations';

/**
 * prisma/migrations of the project: the CLI and tests run with the project as their working
 * directory, and so does the Next.js server (whose bundled modules cannot locate it from their own URL).
 */
export const defaultMigrationsDir = path.join(process.cwd(), 'prisma', 'migrations');

/** The advisory lock `prisma migrate` takes: our runner and Prisma's CLI never run at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
  ) {
    super(`Migration ${migration}: ${message}`);
    this.name = 'MigrationError';
  }
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * Applies the SQL migrations not yet applied, each in its own transaction, and records them in
 * `_prisma_migrations` as `prisma migrate deploy` does. Idempotent; safe to call from several
 * processes at once (they queue on the advisory lock).
 */
export async function migrateDatabase(
  connectionString: string,
  options: { migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const migrations = listMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(failed.migration_name, 'failed earlier; fix the database, then mark it rolled back');
    }
    const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const done = applied.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum) throw new MigrationError(migration.name, 'was edited after it was applied');
        continue;
      }
      await applyMigration(client, migration);
      newlyApplied.push(migration.name);
    }
    return { applied: newlyApplied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function applyMigration(client: pg.Client, migration: { name: string; sql: string; checksum: string }): Promise<void> {
  const id = randomUUID();
  await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)', [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    // Left unfinished with its log, as Prisma records a failed migration.
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(error)]);
    throw new MigrationError(migration.name, `failed: ${(error as Error).message}`);
  }
}

