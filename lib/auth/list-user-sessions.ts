import type { PrismaClient } from '../db/generated/client';

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null };

/** A user's live sessions (not revoked, not expired), most recently seen first. */
export async function listUserSessions(prisma: PrismaClient, input: { userId: number; now?: Date }): Promise<SessionSummary[]> {
  return prisma.authSession.findMany({
    where: { userId: input.userId, revokedAt: null, expiresAt: { gt: input.now ?? new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
  });
}
