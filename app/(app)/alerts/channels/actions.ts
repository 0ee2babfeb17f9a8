'use server';

import { revalidatePath } from 'next/cache';
import { alertChannelInputSchema } from '@/lib/alerts/alert-channel-input';
import { createAlertChannel } from '@/lib/alerts/create-alert-channel';
import { allowOutboundHost, outboundHostInputSchema, revokeOutboundHost } from '@/lib/alerts/outbound-host-allowances';
import { queueChannelTest } from '@/lib/alerts/queue-channel-test';
import { alertingSettingsFrom } from '@/lib/alerts/run-alerting-pass';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { loadConfig } from '@/lib/config';
import { getSecretBoxKey } from '@/lib/crypto/get-secret-box-key';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { formText, toFormError, withoutUndefined, type FormState } from '@/lib/http/form-state';
import { idParamSchema } from '@/lib/http/id-param-schema';

/**
 * Adds a channel from the form (editors and admins; createAlertChannel checks): its target passes the
 * SSRF check first, and a refusal names the field. Field names are the input's paths (`settings.url`).
 */
export async function addChannelAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = alertChannelInputSchema.parse(channelFields(form));
    await createAlertChannel(await getWebPrisma(), input, { actor: viewer, secretKey: getSecretBoxKey(loadConfig()) });
    revalidatePath('/alerts', 'layout');
    return { status: 'done', message: `Channel “${input.name}” added. Send it a test to check it works; rules can now notify it.` };
  } catch (error) {
    return toFormError(error);
  }
}

/** Queues a sample alert for a channel (editors and admins; queueChannelTest checks). */
export async function sendTestAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const channelId = idParamSchema.parse(form.get('channelId'));
    await queueChannelTest(await getWebPrisma(), channelId, { actor: viewer, appUrl: alertingSettingsFrom(loadConfig()).appUrl, now: new Date() });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/alerts/channels');
  return { status: 'done', message: 'Test queued: the worker sends it within a cycle (about a minute). Reload to see how it went under “Recent deliveries”.' };
}

/** Lets channels reach a host that is not public (admins; allowOutboundHost checks). */
export async function allowHostAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = outboundHostInputSchema.parse({ host: form.get('host'), reason: form.get('reason') });
    await allowOutboundHost(await getWebPrisma(), input, viewer);
    revalidatePath('/alerts/channels');
    return { status: 'done', message: `Channels may now reach ${input.host}.` };
  } catch (error) {
    return toFormError(error);
  }
}

/** Holds a host to the public-address rule again (admins; revokeOutboundHost checks). */
export async function revokeHostAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    await revokeOutboundHost(await getWebPrisma(), String(form.get('host') ?? ''), viewer);
    revalidatePath('/alerts/channels');
    return { status: 'done', message: 'Allowance revoked.' };
  } catch (error) {
    return toFormError(error);
  }
}

/** The form's flat fields as the channel input: settings nested, recipients split on commas, blanks absent. */
function channelFields(form: FormData): Record<string, unknown> {
  const text = (name: string) => formText(form, name);
  const kind = text('kind');
  const settings =
    kind === 'email'
      ? {
          host: text('settings.host') ?? '',
          port: text('settings.port'),
          secure: form.get('settings.secure') === 'on',
          username: text('settings.username'),
          from: text('settings.from') ?? '',
          to: (text('settings.to') ?? '')
            .split(',')
            .map((address) => address.trim())
            .filter((address) => address !== ''),
        }
      : { url: text('settings.url') ?? '' };
  return withoutUndefined({ kind, name: text('name') ?? '', settings: withoutUndefined(settings), secret: kind === 'slack' ? undefined : text('secret') });
}
