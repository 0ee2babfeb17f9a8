import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

/**
 * Prisma over node-postgres (the driver adapter: no Rust query engine to download). Sessions run in
 * UTC: rollup hours are UTC hours, and date_trunc or date_bin on a timestamptz follow the session's
 * zone (a server at UTC+5:30 would otherwise start its hours at :30).
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, options: '-c TimeZone=UTC' }) });
}

export type { PrismaClient };
