import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';

/**
 * Inside a transaction: throws AppError('conflict') unless an enabled admin other than `userId` exists.
 * The active admins are locked (FOR UPDATE) until commit, so two admins demoting each other at once
 * cannot both succeed: the second re-reads after the first commits and finds no one left.
 */
export async function requireAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: number): Promise<void> {
  const admins = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT "id" FROM "users" WHERE "role" = 'admin' AND "disabled_at" IS NULL ORDER BY "id" FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new AppError('conflict', 'This is the last active admin: make someone else an admin first.');
  }
}
