import type { PrismaClient } from '../db/generated/client';
import { hashSecretToken } from './hash-secret-token';
import { roleAtLeast, roleSchema } from './role';
import { TOUCH_INTERVAL_MS } from './touch-interval';
import type { Viewer } from './viewer';

/**
 * The API token a Bearer secret belongs to, found by its SHA-256, or null when unknown, revoked,
 * expired, or made by a member since disabled. It acts with its own role, capped by its creator's
 * current one (a demoted admin's tokens are demoted too).
 */
export async function findTokenViewer(prisma: PrismaClient, secret: string, options: { now?: Date } = {}): Promise<Viewer | null> {
  if (!secret.startsWith('lsk_') || secret.length > 200) return null;
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecretToken(secret) },
    include: { createdBy: { select: { email: true, role: true, disabledAt: true } } },
  });
  const now = options.now ?? new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.createdBy.disabledAt) return null;
  const own = roleSchema.safeParse(token.role);
  const creators = roleSchema.safeParse(token.createdBy.role);
  if (!own.success || !creators.success) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    const stale = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    await prisma.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } });
  }
  return {
    userId: null,
    name: token.name,
    email: token.createdBy.email,
    role: roleAtLeast(creators.data, own.data) ? own.data : creators.data,
    via: 'token',
    tokenId: token.id,
  };
}
