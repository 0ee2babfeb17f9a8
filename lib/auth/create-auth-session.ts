import { randomUUID } from 'node:crypto';
import type { Database } from './database';

/** A session row for a sign-in: its id goes into the session JWT (`sid`); it ends `hours` later at the latest. */
export async function createAuthSession(
  db: Database,
  input: { userId: number; hours: number; ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.hours * 3_600_000);
  const session = await db.authSession.create({
    data: {
      id: randomUUID(),
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip?.slice(0, 100) ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
  return session;
}
