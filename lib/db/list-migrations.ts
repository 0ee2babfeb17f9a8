import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type MigrationFile = { name: string; sql: string; checksum: string };

/** The migrations in Prisma's layout (`<dir>/<timestamp>_<name>/migration.sql`), oldest first. */
export function listMigrations(directory: string): MigrationFile[] {
  return readdirSync(directory)
    .filter((entry) => statSync(path.join(directory, entry)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(directory, name, 'migration.sql'), 'utf8');
      // Prisma records the SHA-256 of the script: `prisma migrate deploy` accepts what we applied.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}
