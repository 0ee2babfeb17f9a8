import { sendEmail } from './send-email';
import { formatAlertEmail } from './format-alert-email';
import { formatSlackMessage } from './format-slack-message';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from './sign-webhook';
import { parseChannelSettings, type ChannelKind } from './channel-settings';
import type { AlertNotice } from '../alert-notice';
import { postJson } from '../../net/post-json';
import { resolveOutboundTarget, type OutboundPolicy } from '../../net/outbound-guard';

export type ChannelToSend = { id: number; name: string; kind: ChannelKind; settings: unknown; secret: string | null };

/** What a channel answered: ok or not, with its status code (HTTP or SMTP) and what went wrong. */
export type SendOutcome = { ok: boolean; statusCode: number | null; error: string | null };

/**
 * Sends one notice to one channel, every connection checked against SSRF first (outbound-guard).
 * A refused target, a network error or a non-2xx answer is an outcome, not an exception: the
 * outbox records it and retries.
 */
export async function sendNotification(channel: ChannelToSend, notice: AlertNotice, options: { deliveryId: string; policy: OutboundPolicy; now: Date }): Promise<SendOutcome> {
  try {
    switch (channel.kind) {
      case 'slack': {
        const { url } = parseChannelSettings('slack', channel.settings);
        return httpOutcome(await postJson(url, JSON.stringify(formatSlackMessage(notice)), { policy: options.policy, field: 'url' }));
      }
      case 'webhook': {
        const { url } = parseChannelSettings('webhook', channel.settings);
        const body = JSON.stringify({ deliveryId: options.deliveryId, ...notice });
        const headers: Record<string, string> = { [DELIVERY_HEADER]: options.deliveryId };
        if (channel.secret) headers[SIGNATURE_HEADER] = signWebhook(body, channel.secret, Math.floor(options.now.getTime() / 1000));
        return httpOutcome(await postJson(url, body, { headers, policy: options.policy, field: 'url' }));
      }
      case 'email': {
        const settings = parseChannelSettings('email', channel.settings);
        const target = await resolveOutboundTarget(settings.host, options.policy, 'host');
        const message = formatAlertEmail(notice);
        await sendEmail(
          { host: settings.host, port: settings.port, secure: settings.secure, from: settings.from, ...(settings.username ? { username: settings.username } : {}), ...(channel.secret ? { password: channel.secret } : {}) },
          { to: settings.to, ...message },
          { connectAddress: target.address },
        );
        return { ok: true, statusCode: 250, error: null };
      }
    }
  } catch (error) {
    return { ok: false, statusCode: null, error: (error as Error).message };
  }
}

function httpOutcome(result: { status: number; body: string }): SendOutcome {
  const ok = result.status >= 200 && result.status < 300;
  return { ok, statusCode: result.status, error: ok ? null : `HTTP ${result.status}: ${result.body.slice(0, 300)}` };
}
