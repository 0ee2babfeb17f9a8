import { ConfigError, loadConfig } from '../config';
import type { PrismaClient } from '../db/create-prisma-client';
import { openDatabase } from '../db/open-database';
import { AppError } from '../errors';

/**
 * The shared body of the read commands: open the database (DATABASE_URL or the embedded one), run
 * one query, print what it returns, close. A known failure prints its message and exits 1.
 */
export async function runWithDatabase(work: (prisma: PrismaClient) => Promise<string>): Promise<number> {
  try {
    const database = await openDatabase(loadConfig());
    try {
      console.log(await work(database.prisma));
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof AppError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
