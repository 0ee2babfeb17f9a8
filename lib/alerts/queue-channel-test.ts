import { randomUUID } from 'node:crypto';
import { requireChange } from '../auth/require-change';
import type { PrismaClient } from '../db/create-prisma-client';
import { NotFoundError } from '../errors';
import type { AlertNotice } from './alert-notice';
import type { AlertActor } from './save-alert-rule';

/** A test goes through the outbox like any notification, so it proves the whole path; it expires sooner. */
const TEST_LIFETIME_MS = 10 * 60_000;

/** Queues a sample alert for a channel; the worker sends it within a cycle and records how it went. */
export async function queueChannelTest(prisma: PrismaClient, channelId: number, options: { actor: AlertActor; appUrl: string; now: Date }): Promise<{ deliveryId: number }> {
  requireChange(options.actor, 'alerts');
  const channel = await prisma.alertChannel.findUnique({ where: { id: channelId }, select: { id: true, name: true } });
  if (!channel) throw new NotFoundError(`No alert channel with id ${channelId}`, 'channelId');
  const base = options.appUrl.replace(/\/+$/, '');
  const notice: AlertNotice = {
    kind: 'test',
    ruleId: 0,
    ruleName: `Test of ${channel.name}`,
    severity: 'info',
    functionId: 0,
    functionName: 'example-function',
    functionUrl: `${base}/`,
    signal: 'error_rate',
    signalLabel: 'error rate',
    value: 12.5,
    valueText: '12.5 %',
    thresholdText: '> 5 %',
    windowText: '5 min',
    since: options.now.toISOString(),
  };
  const delivery = await prisma.notificationDelivery.create({
    data: { channelId, kind: 'test', dedupeKey: `test:${randomUUID()}`, notice, expiresAt: new Date(options.now.getTime() + TEST_LIFETIME_MS) },
    select: { id: true },
  });
  return { deliveryId: delivery.id };
}
