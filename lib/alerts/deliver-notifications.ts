import type { PrismaClient } from '../db/create-prisma-client';
import type { AlertNotice } from './alert-notice';
import { sendNotification, type SendOutcome } from './channels/send-notification';
import type { ChannelKind } from './channels/channel-settings';
import { openSecret } from '../crypto/secret-box';
import type { OutboundPolicy } from '../net/outbound-guard';

export type DeliveryOptions = {
  now: () => Date;
  /** Unseals channel secrets (lib/crypto/secret-box.ts). */
  secretKey: Buffer;
  /** Tests may resolve names their own way; the allowed hosts always come from the database. */
  lookup?: OutboundPolicy['lookup'];
  /** At most this many notifications per pass. */
  limit?: number;
  /** The first retry's delay; each next one doubles it (default 30 s). */
  retryBaseMs?: number;
};

export type DeliveryResult = { delivered: number; failed: number; expired: number };

/**
 * A claimed row is this sender's for this long, well past the slowest send (HTTP gives up after 10 s,
 * SMTP after 10 s per stage); if the sender dies, another picks the row up after.
 */
const CLAIM_MS = 5 * 60_000;

const RETRY_BASE_MS = 30_000;

/** 30 s, 1 min, 2 min … capped at 30 min, ±20 %: a channel that is down is not hammered, and recovers within half an hour. */
export function retryDelayMs(attempts: number, random: number, baseMs = RETRY_BASE_MS): number {
  const base = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * One pass over the outbox: rows that are due are claimed (SKIP LOCKED: several workers share the
 * work), sent all at once (a slow or dead channel delays only its own rows), and each try is
 * recorded. Failures are retried with backoff until the row expires. A receiver may see a retried
 * notification twice if a sender dies after sending and before recording: the delivery id header
 * is there to drop it.
 */
export async function deliverNotifications(prisma: PrismaClient, options: DeliveryOptions): Promise<DeliveryResult> {
  const now = options.now();
  const expired = await prisma.notificationDelivery.updateMany({
    where: { status: 'pending', expiresAt: { lte: now } },
    data: { status: 'expired', claimedUntil: null },
  });
  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await prisma.$queryRaw<Array<{ id: number; channel_id: number; notice: AlertNotice; attempts: number; expires_at: Date }>>`
    UPDATE notification_deliveries d SET claimed_until = ${claimedUntil}
     WHERE d.id IN (SELECT id FROM notification_deliveries
                     WHERE status = 'pending' AND next_attempt_at <= ${now} AND (claimed_until IS NULL OR claimed_until < ${now})
                     ORDER BY next_attempt_at, id LIMIT ${options.limit ?? 100}
                       FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.channel_id, d.notice, d.attempts, d.expires_at`;
  const result: DeliveryResult = { delivered: 0, failed: 0, expired: expired.count };
  if (claimed.length === 0) return result;
  const [channels, allowances] = await Promise.all([
    prisma.alertChannel.findMany({ where: { id: { in: [...new Set(claimed.map((row) => row.channel_id))] } } }),
    prisma.outboundHostAllowance.findMany({ select: { host: true } }),
  ]);
  const policy: OutboundPolicy = { allowedHosts: allowances.map((allowance) => allowance.host), ...(options.lookup ? { lookup: options.lookup } : {}) };
  const channelOf = new Map(channels.map((channel) => [channel.id, channel]));
  await Promise.all(
    claimed.map(async (row) => {
      const channel = channelOf.get(row.channel_id);
      const started = performance.now();
      let outcome: SendOutcome;
      try {
        if (!channel) throw new Error('the channel was deleted');
        const secret = channel.sealedSecret ? openSecret(channel.sealedSecret, options.secretKey) : null;
        outcome = await sendNotification(
          { id: channel.id, name: channel.name, kind: channel.kind as ChannelKind, settings: channel.settings, secret },
          row.notice,
          { deliveryId: `lsd_${row.id}`, policy, now: options.now() },
        );
      } catch (error) {
        outcome = { ok: false, statusCode: null, error: (error as Error).message };
      }
      const attempts = row.attempts + 1;
      const finished = options.now();
      const nextAttemptAt = new Date(finished.getTime() + retryDelayMs(attempts, Math.random(), options.retryBaseMs));
      const status = outcome.ok ? 'delivered' : nextAttemptAt >= row.expires_at ? 'expired' : 'pending';
      await prisma.$transaction([
        prisma.deliveryAttempt.create({
          data: { deliveryId: row.id, at: finished, durationMs: Math.round(performance.now() - started), ok: outcome.ok, statusCode: outcome.statusCode, error: outcome.error },
        }),
        // Only while the claim is still ours: a send that outlived it is another sender's to record.
        prisma.notificationDelivery.updateMany({
          where: { id: row.id, claimedUntil },
          data: {
            status,
            attempts,
            claimedUntil: null,
            lastError: outcome.error,
            ...(outcome.ok ? { deliveredAt: finished } : { nextAttemptAt }),
          },
        }),
      ]);
      if (outcome.ok) result.delivered += 1;
      else if (status === 'expired') result.expired += 1;
      else result.failed += 1;
    }),
  );
  return result;
}
