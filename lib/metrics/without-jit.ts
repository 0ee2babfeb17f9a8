import type { PrismaClient } from '../db/create-prisma-client';
import type { Prisma } from '../db/generated/client';

/**
 * Runs one read with PostgreSQL's JIT compiler off. A rollup scan over many rows is cheap per row
 * but costed high, so the planner JIT-compiles it: 80–500 ms of compiling for a 100 ms query
 * (measured on 288,000 function-minutes). SET LOCAL keeps the setting to this transaction.
 */
export async function withoutJit<T>(prisma: PrismaClient, query: Prisma.PrismaPromise<T>): Promise<T> {
  // Prisma ends a transaction after 5 s by default: a 30-day scan on a busy database may take longer.
  const [, result] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, query], { maxWait: 10_000, timeout: 60_000 });
  return result;
}
