import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import type { AlertActor } from './save-alert-rule';

/** Someone is on it: a firing alert is no longer repeated until it resolves (its state is unchanged). */
export async function acknowledgeAlert(prisma: PrismaClient, key: { ruleId: number; functionId: number }, options: { actor: AlertActor; now: Date }): Promise<void> {
  requireChange(options.actor, 'alerts');
  await prisma.$transaction(async (tx) => {
    // The rule's lock, as evaluation holds it: an acknowledgement waits for a pass in progress instead of being overwritten by it.
    await tx.$queryRaw`SELECT id FROM alert_rules WHERE id = ${key.ruleId} FOR UPDATE`;
    const updated = await tx.alertState.updateMany({
      where: { ruleId: key.ruleId, functionId: key.functionId, state: 'firing' },
      data: { acknowledgedAt: options.now, acknowledgedBy: options.actor.email },
    });
    if (updated.count === 0) throw new AppError('conflict', 'ruleId: that alert is not firing', 'ruleId');
    await recordAuditEvent(tx, { actor: options.actor, action: 'alert.acknowledge', targetType: 'alert_state', targetId: `${key.ruleId}:${key.functionId}` });
  });
}
