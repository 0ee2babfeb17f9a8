import type { Database } from './database';

/**
 * Ends one session (sign-out, or "revoke" on the account page). With `userId`, only if it is that
 * user's: a member revokes their own sessions only. Returns whether a live session was ended.
 */
export async function revokeAuthSession(db: Database, input: { sessionId: string; userId?: number; now?: Date }): Promise<boolean> {
  const { count } = await db.authSession.updateMany({
    where: { id: input.sessionId, revokedAt: null, ...(input.userId === undefined ? {} : { userId: input.userId }) },
    data: { revokedAt: input.now ?? new Date() },
  });
  return count > 0;
}
