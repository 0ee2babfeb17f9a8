import type { PrismaClient } from '../db/generated/client';
import { hashSecretToken } from './hash-secret-token';
import { roleSchema, type Role } from './role';

export type PendingInvite = { id: number; email: string; role: Role; expiresAt: Date; invitedBy: string };

/** The invite a link's token opens, while it is neither accepted, revoked nor expired; else null. */
export async function findPendingInvite(prisma: PrismaClient, token: string, now = new Date()): Promise<PendingInvite | null> {
  if (!token.startsWith('lsi_') || token.length > 200) return null;
  const invite = await prisma.invite.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { invitedBy: { select: { name: true } } } });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now) return null;
  return { id: invite.id, email: invite.email, role: roleSchema.parse(invite.role), expiresAt: invite.expiresAt, invitedBy: invite.invitedBy.name };
}
