import { decode } from 'next-auth/jwt';
import type { PrismaClient } from '../db/generated/client';
import { roleSchema } from './role';
import { TOUCH_INTERVAL_MS } from './touch-interval';
import type { Viewer } from './viewer';

/**
 * The member a session cookie belongs to, or null. The JWT must decrypt with our secret (a forged or
 * tampered cookie does not), and the session it names must still exist, be neither revoked nor
 * expired, and belong to an enabled user: that row is what makes sessions revocable.
 */
export async function findSessionViewer(prisma: PrismaClient, sessionToken: string, options: { secret: string; now?: Date }): Promise<Viewer | null> {
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode({ token: sessionToken, secret: options.secret });
  } catch {
    return null;
  }
  const sid = payload?.sid;
  if (typeof sid !== 'string' || sid.length > 64) return null;
  const session = await prisma.authSession.findUnique({ where: { id: sid }, include: { user: true } });
  const now = options.now ?? new Date();
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (payload?.sub !== String(session.userId)) return null;
  const role = roleSchema.safeParse(session.user.role);
  if (!role.success) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await prisma.authSession.updateMany({ where: { id: sid, lastSeenAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }, data: { lastSeenAt: now } });
  }
  return { userId: session.userId, name: session.user.name, email: session.user.email, role: role.data, via: 'session', sessionId: sid };
}
