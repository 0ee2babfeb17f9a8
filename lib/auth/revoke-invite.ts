import type { PrismaClient } from '../db/generated/client';
import { NotFoundError } from '../errors';
import { recordAuditEvent } from './record-audit-event';
import { requireChange } from './require-change';
import type { Viewer } from './viewer';

/** An admin withdraws a pending invite: its link stops working. */
export async function revokeInvite(prisma: PrismaClient, input: { actor: Viewer; inviteId: number; now?: Date }): Promise<void> {
  requireChange(input.actor, 'invites');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { id: input.inviteId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: input.now ?? new Date() },
    });
    if (count === 0) throw new NotFoundError(`No pending invite ${input.inviteId}.`, 'inviteId');
    await recordAuditEvent(tx, { actor: input.actor, action: 'invite.revoke', targetType: 'invite', targetId: input.inviteId });
  });
}
