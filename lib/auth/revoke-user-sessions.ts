import type { Database } from './database';

/** Ends every live session of a user at once (password change, disabled account). Returns how many. */
export async function revokeUserSessions(db: Database, input: { userId: number; now?: Date }): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId: input.userId, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  return count;
}
