import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { PrismaClient } from '../db/create-prisma-client';
import { NotFoundError } from '../errors';
import type { AlertActor } from './save-alert-rule';

/** Mutes a rule until `until` (null unmutes): it is still judged and its states still move, but it notifies no one. */
export async function muteAlertRule(prisma: PrismaClient, ruleId: number, until: Date | null, actor: AlertActor): Promise<void> {
  requireChange(actor, 'alerts');
  await prisma.$transaction(async (tx) => {
    const updated = await tx.alertRule.updateMany({ where: { id: ruleId }, data: { mutedUntil: until } });
    if (updated.count === 0) throw new NotFoundError(`No alert rule with id ${ruleId}`, 'ruleId');
    await recordAuditEvent(tx, { actor, action: until ? 'alert_rule.mute' : 'alert_rule.unmute', targetType: 'alert_rule', targetId: ruleId, details: { until: until?.toISOString() ?? null } });
  });
}
