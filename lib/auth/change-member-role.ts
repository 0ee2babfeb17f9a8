import type { PrismaClient } from '../db/generated/client';
import { NotFoundError } from '../errors';
import { recordAuditEvent } from './record-audit-event';
import { requireAnotherActiveAdmin } from './require-another-active-admin';
import { requireChange } from './require-change';
import type { Role } from './role';
import type { Viewer } from './viewer';

/** An admin changes a member's role; the last active admin cannot be demoted. */
export async function changeMemberRole(prisma: PrismaClient, input: { actor: Viewer; userId: number; role: Role }): Promise<void> {
  requireChange(input.actor, 'members');
  await prisma.$transaction(async (tx) => {
    const member = await tx.user.findUnique({ where: { id: input.userId } });
    if (!member) throw new NotFoundError(`No member ${input.userId}.`, 'userId');
    if (member.role === input.role) return;
    if (member.role === 'admin' && member.disabledAt === null) await requireAnotherActiveAdmin(tx, member.id);
    await tx.user.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: 'member.role',
      targetType: 'user',
      targetId: member.id,
      details: { email: member.email, from: member.role, to: input.role },
    });
  });
}
