import type { Prisma, PrismaClient } from '../db/generated/client';

/** A Prisma client, or one inside a transaction: functions that may run in a caller's transaction take this. */
export type Database = PrismaClient | Prisma.TransactionClient;
