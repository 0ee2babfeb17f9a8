import type { PrismaClient } from '../db/generated/client';
import { AppError, NotFoundError } from '../errors';
import { recordAuditEvent } from './record-audit-event';
import { requireAnotherActiveAdmin } from './require-another-active-admin';
import { requireChange } from './require-change';
import { revokeUserSessions } from './revoke-user-sessions';
import type { Viewer } from './viewer';

/**
 * An admin disables a member (every session ends at once, their API tokens stop working) or enables
 * them again. Nobody disables themselves, and the last active admin stays.
 */
export async function setMemberDisabled(prisma: PrismaClient, input: { actor: Viewer; userId: number; disabled: boolean; now?: Date }): Promise<void> {
  requireChange(input.actor, 'members');
  if (input.disabled && input.actor.userId === input.userId) throw new AppError('conflict', 'You cannot disable your own account.');
  const now = input.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const member = await tx.user.findUnique({ where: { id: input.userId } });
    if (!member) throw new NotFoundError(`No member ${input.userId}.`, 'userId');
    if ((member.disabledAt !== null) === input.disabled) return;
    if (input.disabled && member.role === 'admin') await requireAnotherActiveAdmin(tx, member.id);
    await tx.user.update({ where: { id: member.id }, data: { disabledAt: input.disabled ? now : null } });
    const sessionsEnded = input.disabled ? await revokeUserSessions(tx, { userId: member.id, now }) : 0;
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.disabled ? 'member.disable' : 'member.enable',
      targetType: 'user',
      targetId: member.id,
      details: input.disabled ? { email: member.email, sessionsEnded } : { email: member.email },
    });
  });
}
