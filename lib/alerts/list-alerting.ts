import type { PrismaClient } from '../db/create-prisma-client';
import { redactSettingsUrl } from '../net/redact-url';

/** Every rule with its channels and how many of its alerts are pending or firing. */
export async function listAlertRules(prisma: PrismaClient) {
  const rules = await prisma.alertRule.findMany({
    orderBy: { id: 'asc' },
    include: { channels: { select: { channelId: true } }, states: { where: { state: { in: ['pending', 'firing'] } }, select: { state: true } } },
  });
  return rules.map(({ channels, states, ...rule }) => ({
    ...rule,
    channelIds: channels.map((channel) => channel.channelId),
    firing: states.filter((state) => state.state === 'firing').length,
    pending: states.filter((state) => state.state === 'pending').length,
  }));
}

/**
 * Channels as anyone may see them: never secrets (only whether one is set), and a webhook URL cut to
 * its origin, since an incoming webhook's path is itself the credential (Slack's is).
 */
export async function listAlertChannels(prisma: PrismaClient) {
  const channels = await prisma.alertChannel.findMany({ orderBy: { id: 'asc' } });
  return channels.map(({ sealedSecret, settings, ...channel }) => ({ ...channel, settings: redactSettingsUrl(settings), hasSecret: sealedSecret !== null }));
}

/** What is firing and pending now, the silences in force, and the latest state changes. */
export async function listAlerts(prisma: PrismaClient, options: { now: Date; historyLimit?: number }) {
  const [active, silences, history] = await Promise.all([
    prisma.alertState.findMany({
      where: { state: { in: ['pending', 'firing'] } },
      orderBy: [{ state: 'asc' }, { since: 'desc' }],
      include: { rule: { select: { name: true, severity: true, signal: true, comparison: true, threshold: true } }, function: { select: { name: true } } },
    }),
    prisma.silence.findMany({ where: { endsAt: { gt: options.now } }, orderBy: { endsAt: 'asc' } }),
    prisma.alertEvent.findMany({
      orderBy: { id: 'desc' },
      take: options.historyLimit ?? 100,
      include: { rule: { select: { name: true } }, function: { select: { name: true } } },
    }),
  ]);
  return { firing: active.filter((state) => state.state === 'firing'), pending: active.filter((state) => state.state === 'pending'), silences, history };
}

export type FiringAlert = { ruleId: number; ruleName: string; severity: string; since: Date };

/** Every firing alert by function: what the overview and the function page mark. */
export async function listFiringAlertsByFunction(prisma: PrismaClient, functionId?: number): Promise<Map<number, FiringAlert[]>> {
  const states = await prisma.alertState.findMany({
    where: { state: 'firing', ...(functionId === undefined ? {} : { functionId }) },
    orderBy: { since: 'asc' },
    select: { functionId: true, ruleId: true, since: true, rule: { select: { name: true, severity: true } } },
  });
  const byFunction = new Map<number, FiringAlert[]>();
  for (const state of states) {
    const alerts = byFunction.get(state.functionId) ?? [];
    alerts.push({ ruleId: state.ruleId, ruleName: state.rule.name, severity: state.rule.severity, since: state.since });
    byFunction.set(state.functionId, alerts);
  }
  return byFunction;
}
