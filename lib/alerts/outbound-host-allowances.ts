import { z } from 'zod';
import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { PrismaClient } from '../db/create-prisma-client';
import { NotFoundError } from '../errors';
import type { AlertActor } from './save-alert-rule';

/** A host as allowances are kept: no brackets, no trailing dot, lower case (as the SSRF guard compares them). */
export const normalizeHost = (host: string) => host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/** A host name or IP literal, as channels' targets name it (brackets and case do not matter). */
export const outboundHostInputSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(253)
      .transform(normalizeHost)
      .refine((host) => /^[a-z0-9.:-]+$/.test(host), 'must be a host name or an IP address'),
    reason: z.string().trim().min(1, 'is required').max(500, 'at most 500 characters'),
  })
  .strict();

export type OutboundHostInput = z.output<typeof outboundHostInputSchema>;

/** Admins only: lets alert channels reach this host although it is not public (an internal webhook, a local SMTP relay). Audited. */
export async function allowOutboundHost(prisma: PrismaClient, input: OutboundHostInput, actor: AlertActor): Promise<void> {
  requireChange(actor, 'outboundHosts');
  await prisma.$transaction(async (tx) => {
    await tx.outboundHostAllowance.upsert({ where: { host: input.host }, create: { ...input, createdBy: actor.email }, update: { reason: input.reason, createdBy: actor.email } });
    await recordAuditEvent(tx, { actor, action: 'outbound_host.allow', targetType: 'outbound_host', targetId: input.host, details: { reason: input.reason } });
  });
}

/** Admins only: the host is held to the public-address rule again from the next send. Audited. */
export async function revokeOutboundHost(prisma: PrismaClient, host: string, actor: AlertActor): Promise<void> {
  requireChange(actor, 'outboundHosts');
  await prisma.$transaction(async (tx) => {
    const removed = await tx.outboundHostAllowance.deleteMany({ where: { host: normalizeHost(host) } });
    if (removed.count === 0) throw new NotFoundError(`No allowance for host ${host}`, 'host');
    await recordAuditEvent(tx, { actor, action: 'outbound_host.revoke', targetType: 'outbound_host', targetId: host });
  });
}
