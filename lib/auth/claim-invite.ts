import type { Prisma, User } from '../db/generated/client';
import { AppError } from '../errors';
import { insertUser } from './insert-user';
import { recordAuditEvent } from './record-audit-event';
import { roleSchema } from './role';

export const invalidInviteMessage = 'This invitation is not valid: it was used, revoked or has expired. Ask an admin for a new one.';

/**
 * Inside a transaction: marks a pending invite accepted (only one claimer can) and creates its member
 * with the invited email and role. The new member is the audit event's actor.
 */
export async function claimInvite(
  tx: Prisma.TransactionClient,
  input: { inviteId: number; name: string; passwordHash: string | null; now?: Date },
): Promise<User> {
  const now = input.now ?? new Date();
  const claimed = await tx.invite.updateMany({
    where: { id: input.inviteId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (claimed.count !== 1) throw new AppError('not_found', invalidInviteMessage);
  const invite = await tx.invite.findUniqueOrThrow({ where: { id: input.inviteId } });
  const user = await insertUser(tx, { email: invite.email, name: input.name, role: roleSchema.parse(invite.role), passwordHash: input.passwordHash });
  await recordAuditEvent(tx, {
    actor: { userId: user.id, name: user.name, email: user.email },
    action: 'invite.accept',
    targetType: 'user',
    targetId: user.id,
    details: { inviteId: invite.id, role: invite.role },
  });
  return user;
}
