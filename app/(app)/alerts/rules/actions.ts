'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { alertRuleInputSchema } from '@/lib/alerts/alert-rule-input';
import { muteAlertRule } from '@/lib/alerts/mute-alert-rule';
import { saveAlertRule } from '@/lib/alerts/save-alert-rule';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { idParamSchema } from '@/lib/http/id-param-schema';

/** Creates a rule, or (with `ruleId`) replaces one's definition (editors and admins; saveAlertRule checks). */
export async function saveRuleAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const rawRuleId = form.get('ruleId');
    const ruleId = rawRuleId === null ? undefined : idParamSchema.parse(rawRuleId);
    // Blank optional fields mean "not given"; channels are checkboxes, so a list.
    const fields = Object.fromEntries([...form.entries()].filter(([name, value]) => !name.startsWith('$') && name !== 'ruleId' && name !== 'channelIds' && value !== ''));
    const input = alertRuleInputSchema.parse({ ...fields, channelIds: form.getAll('channelIds') });
    const rule = await saveAlertRule(await getWebPrisma(), input, viewer, ruleId);
    revalidatePath('/alerts', 'layout');
    return {
      status: 'done',
      message:
        ruleId === undefined
          ? `Rule “${input.name}” created (#${rule.id}). The worker judges it after its next ingest cycle.`
          : `Rule “${input.name}” saved. Its alerts keep their state until the new definition judges them.`,
    };
  } catch (error) {
    return toFormError(error);
  }
}

const muteSchema = z.object({
  ruleId: idParamSchema,
  /** Hours to mute for; 'off' unmutes. */
  hours: z.enum(['1', '24', 'off']),
});

/** Mutes a rule for an hour or a day, or unmutes it (editors and admins; muteAlertRule checks). */
export async function muteRuleAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  let message: string;
  try {
    const { ruleId, hours } = muteSchema.parse(Object.fromEntries(form));
    const until = hours === 'off' ? null : new Date(Date.now() + Number(hours) * 3_600_000);
    await muteAlertRule(await getWebPrisma(), ruleId, until, viewer);
    message = until ? `Muted until ${until.toISOString().replace('T', ' ').slice(0, 16)} UTC: still judged, notifies no one.` : 'Unmuted: it notifies its channels again.';
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/alerts', 'layout');
  return { status: 'done', message };
}
