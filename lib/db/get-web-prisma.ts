import { loadConfig } from '../config';
import type { PrismaClient } from './create-prisma-client';
import { openSharedDatabase } from './open-shared-database';

/** The Prisma client of the web server's shared database handle (see openSharedDatabase). */
export async function getWebPrisma(): Promise<PrismaClient> {
  return (await openSharedDatabase(loadConfig())).prisma;
}
