import { z } from 'zod';
import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import type { AlertActor } from './save-alert-rule';

/** A silence: for a rule, a function, both, or (neither) every alert; until `endsAt`, with a reason. */
export const silenceInputSchema = z
  .object({
    ruleId: z.coerce.number().int().positive().optional(),
    functionId: z.coerce.number().int().positive().optional(),
    startsAt: z.coerce.date().optional(),
    endsAt: z.coerce.date(),
    reason: z.string().trim().min(1, 'is required').max(500, 'at most 500 characters'),
  })
  .strict();

export type SilenceInput = z.output<typeof silenceInputSchema>;

/** Stores a silence: notifications it covers are not sent; states still move and show. Editors and admins; audited. */
export async function createSilence(prisma: PrismaClient, input: SilenceInput, options: { actor: AlertActor; now: Date }): Promise<{ id: number }> {
  requireChange(options.actor, 'alerts');
  const startsAt = input.startsAt ?? options.now;
  if (input.endsAt <= startsAt) throw new AppError('validation', 'endsAt: must be after the start', 'endsAt');
  if (input.ruleId !== undefined && !(await prisma.alertRule.findUnique({ where: { id: input.ruleId }, select: { id: true } }))) {
    throw new AppError('validation', `ruleId: no alert rule with id ${input.ruleId}`, 'ruleId');
  }
  if (input.functionId !== undefined && !(await prisma.lambdaFunction.findUnique({ where: { id: input.functionId }, select: { id: true } }))) {
    throw new AppError('validation', `functionId: no function with id ${input.functionId}`, 'functionId');
  }
  return prisma.$transaction(async (tx) => {
    const silence = await tx.silence.create({
      data: { ruleId: input.ruleId ?? null, functionId: input.functionId ?? null, startsAt, endsAt: input.endsAt, reason: input.reason, createdBy: options.actor.email },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actor: options.actor, action: 'silence.create', targetType: 'silence', targetId: silence.id, details: { ...input, startsAt: startsAt.toISOString(), endsAt: input.endsAt.toISOString() } });
    return silence;
  });
}
