import type { AppConfig } from '../config';
import { getSecretBoxKey } from '../crypto/get-secret-box-key';
import type { PrismaClient } from '../db/create-prisma-client';
import { deliverNotifications } from './deliver-notifications';
import { evaluateAlertRules } from './evaluate-alert-rules';

export type AlertingSettings = {
  /** Where links in notifications point. */
  appUrl: string;
  secretKey: Buffer;
  /** The first retry's delay (default 30 s); tests shorten it. */
  retryBaseMs?: number;
};

export function alertingSettingsFrom(config: AppConfig): AlertingSettings {
  return {
    appUrl: config.NEXTAUTH_URL ?? `http://${config.LAMBDASCOPE_HOST}:${config.LAMBDASCOPE_PORT}`,
    secretKey: getSecretBoxKey(config),
  };
}

/**
 * What the worker does for alerting after each ingest cycle: judge the rules on what has arrived,
 * then send what is due in the outbox. Each half fails on its own: a failed evaluation does not
 * hold back notifications already decided, and the next pass tries again.
 */
export async function runAlertingPass(prisma: PrismaClient, settings: AlertingSettings, log?: (line: string) => void): Promise<void> {
  try {
    const evaluated = await evaluateAlertRules(prisma, { now: new Date(), appUrl: settings.appUrl });
    if (evaluated.changes > 0 || evaluated.notifications > 0) {
      log?.(`alerts: ${evaluated.rules} rules, ${evaluated.changes} state changes, ${evaluated.notifications} notifications queued`);
    }
  } catch (error) {
    log?.(`alert evaluation failed, retrying next cycle: ${(error as Error).message}`);
  }
  try {
    const sent = await deliverNotifications(prisma, { now: () => new Date(), secretKey: settings.secretKey, ...(settings.retryBaseMs ? { retryBaseMs: settings.retryBaseMs } : {}) });
    if (sent.delivered + sent.failed + sent.expired > 0) {
      log?.(`notifications: ${sent.delivered} delivered, ${sent.failed} failed (will retry), ${sent.expired} expired`);
    }
  } catch (error) {
    log?.(`notification delivery failed, retrying next cycle: ${(error as Error).message}`);
  }
}
