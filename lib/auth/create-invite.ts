import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { emailSchema } from './account-schemas';
import { createSecretToken } from './create-secret-token';
import { recordAuditEvent } from './record-audit-event';
import { requireChange } from './require-change';
import type { Role } from './role';
import type { Viewer } from './viewer';

export const INVITE_VALID_DAYS = 7;

/**
 * An admin invites someone by email with a role. Returns the one-time token for the link
 * (`/invite/<token>`, shown once; only its hash is kept), valid 7 days. Inviting an email again
 * replaces its pending invite; a member's email cannot be invited.
 */
export async function createInvite(
  prisma: PrismaClient,
  input: { actor: Viewer; email: string; role: Role; now?: Date },
): Promise<{ inviteId: number; email: string; role: Role; expiresAt: Date; token: string }> {
  requireChange(input.actor, 'invites');
  const email = emailSchema.parse(input.email);
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITE_VALID_DAYS * 86_400_000);
  const { secret, hash } = createSecretToken('lsi');
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError('conflict', `${email} is a member already.`, 'email');
    }
    await tx.invite.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const invite = await tx.invite.create({
      data: { email, role: input.role, tokenHash: hash, invitedById: requireUserId(input.actor), createdAt: now, expiresAt },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: 'member.invite',
      targetType: 'invite',
      targetId: invite.id,
      details: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { inviteId: invite.id, email, role: input.role, expiresAt, token: secret };
  });
}

function requireUserId(actor: Viewer): number {
  if (actor.userId === null) throw new AppError('forbidden', 'Not allowed: invitations are sent by a signed-in member, not an API token.');
  return actor.userId;
}
