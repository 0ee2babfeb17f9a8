import { resolveDataDir, type AppConfig } from '../config';
import { createPrismaClient, type PrismaClient } from './create-prisma-client';
import { migrateDatabase } from './migrate-database';
import { startEmbeddedPostgres } from './start-embedded-postgres';

export type OpenDatabase = {
  prisma: PrismaClient;
  connectionString: string;
  /** True when Lambdascope runs its own PostgreSQL (no DATABASE_URL). */
  embedded: boolean;
  close: () => Promise<void>;
};

/**
 * The database every part of Lambdascope uses: `DATABASE_URL` when set, otherwise an embedded
 * PostgreSQL under the data directory; migrated before anything reads it.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'LAMBDASCOPE_DATA_DIR' | 'LAMBDASCOPE_POSTGRES_PORT'>,
  options: { log?: (line: string) => void } = {},
): Promise<OpenDatabase> {
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: resolveDataDir(config, 'postgres'),
        port: config.LAMBDASCOPE_POSTGRES_PORT,
        ...(options.log ? { log: options.log } : {}),
      });
  const connectionString = config.DATABASE_URL ?? (embedded?.connectionString as string);
  try {
    await migrateDatabase(connectionString);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const prisma = createPrismaClient(connectionString);
  return {
    prisma,
    connectionString,
    embedded: embedded !== null,
    close: async () => {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
