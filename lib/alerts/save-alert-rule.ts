import { recordAuditEvent, type AuditActor } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { Viewer } from '../auth/viewer';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError, NotFoundError } from '../errors';
import type { AlertRuleInput } from './alert-rule-input';

export type AlertActor = AuditActor & Pick<Viewer, 'role'>;

/**
 * Creates a rule, or replaces an existing one's definition (`ruleId`). Editors and admins only;
 * audited. An edited rule keeps its alert states: a firing alert stays firing until the new
 * definition judges it clear.
 */
export async function saveAlertRule(prisma: PrismaClient, input: AlertRuleInput, actor: AlertActor, ruleId?: number): Promise<{ id: number }> {
  requireChange(actor, 'alerts');
  if (input.scope === 'function' && !(await prisma.lambdaFunction.findUnique({ where: { id: input.functionId ?? -1 }, select: { id: true } }))) {
    throw new AppError('validation', `functionId: no function with id ${input.functionId}`, 'functionId');
  }
  const channels = await prisma.alertChannel.findMany({ where: { id: { in: input.channelIds } }, select: { id: true } });
  const missing = input.channelIds.filter((id) => !channels.some((channel) => channel.id === id));
  if (missing.length > 0) throw new AppError('validation', `channelIds: no channel with id ${missing.join(', ')}`, 'channelIds');
  const data = {
    name: input.name,
    scope: input.scope,
    functionId: input.scope === 'function' ? (input.functionId ?? null) : null,
    pattern: input.scope === 'pattern' ? (input.pattern ?? null) : null,
    tagKey: input.scope === 'tag' ? (input.tagKey ?? null) : null,
    tagValue: input.scope === 'tag' ? (input.tagValue ?? null) : null,
    signal: input.signal,
    comparison: input.comparison,
    threshold: input.threshold,
    windowMinutes: input.windowMinutes,
    forMinutes: input.forMinutes,
    severity: input.severity,
    repeatMinutes: input.repeatMinutes,
    runbookUrl: input.runbookUrl ?? null,
    description: input.description ?? null,
  };
  return prisma.$transaction(async (tx) => {
    if (ruleId !== undefined && !(await tx.alertRule.findUnique({ where: { id: ruleId }, select: { id: true } }))) {
      throw new NotFoundError(`No alert rule with id ${ruleId}`, 'ruleId');
    }
    const rule =
      ruleId === undefined
        ? await tx.alertRule.create({ data, select: { id: true } })
        : await tx.alertRule.update({ where: { id: ruleId }, data, select: { id: true } });
    await tx.alertRuleChannel.deleteMany({ where: { ruleId: rule.id } });
    if (input.channelIds.length > 0) await tx.alertRuleChannel.createMany({ data: input.channelIds.map((channelId) => ({ ruleId: rule.id, channelId })) });
    await recordAuditEvent(tx, { actor, action: ruleId === undefined ? 'alert_rule.create' : 'alert_rule.update', targetType: 'alert_rule', targetId: rule.id, details: { ...data, channelIds: input.channelIds } });
    return rule;
  });
}
