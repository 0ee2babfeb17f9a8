import { isUniqueViolation } from '../auth/is-unique-violation';
import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import { sealSecret } from '../crypto/secret-box';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import type { Prisma } from '../db/generated/client';
import { parseOutboundUrl, resolveOutboundTarget, type OutboundPolicy } from '../net/outbound-guard';
import { redactSettingsUrl } from '../net/redact-url';
import type { AlertChannelInput } from './alert-channel-input';
import type { AlertActor } from './save-alert-rule';

/**
 * Stores a channel once its target passes the SSRF check (the same check every send repeats, so
 * a name later pointed at a private address is still refused then), its secret sealed. Editors and
 * admins only; audited, without the secret.
 */
export async function createAlertChannel(
  prisma: PrismaClient,
  input: AlertChannelInput,
  options: { actor: AlertActor; secretKey: Buffer; lookup?: OutboundPolicy['lookup'] },
): Promise<{ id: number }> {
  requireChange(options.actor, 'alerts');
  const allowances = await prisma.outboundHostAllowance.findMany({ select: { host: true } });
  const policy: OutboundPolicy = { allowedHosts: allowances.map((allowance) => allowance.host), ...(options.lookup ? { lookup: options.lookup } : {}) };
  if (input.kind === 'email') await resolveOutboundTarget(input.settings.host, policy, 'settings.host');
  else await resolveOutboundTarget(parseOutboundUrl(input.settings.url, 'settings.url').hostname, policy, 'settings.url');
  const secret = 'secret' in input ? input.secret : undefined;
  try {
    return await prisma.$transaction(async (tx) => {
      const channel = await tx.alertChannel.create({
        data: { name: input.name, kind: input.kind, settings: input.settings, sealedSecret: secret ? sealSecret(secret, options.secretKey) : null },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actor: options.actor, action: 'alert_channel.create', targetType: 'alert_channel', targetId: channel.id, details: { name: input.name, kind: input.kind, settings: redactSettingsUrl(input.settings) as Prisma.InputJsonObject, secret: secret ? 'set' : 'none' } });
      return channel;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `name: a channel named '${input.name}' exists already`, 'name');
    throw error;
  }
}
