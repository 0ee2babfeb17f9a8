'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { acknowledgeAlert } from '@/lib/alerts/acknowledge-alert';
import { createSilence, silenceInputSchema } from '@/lib/alerts/create-silence';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { AppError } from '@/lib/errors';
import { formText, toFormError, withoutUndefined, type FormState } from '@/lib/http/form-state';

const acknowledgementSchema = z.object({ ruleId: z.coerce.number().int().positive(), functionId: z.coerce.number().int().positive() });

/** Someone is on it: stops repeats of a firing alert until it resolves (editors and admins; acknowledgeAlert checks). */
export async function acknowledgeAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const key = acknowledgementSchema.parse(Object.fromEntries(form));
    await acknowledgeAlert(await getWebPrisma(), key, { actor: viewer, now: new Date() });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/alerts');
  return { status: 'done', message: 'Acknowledged: no more repeats until it resolves.' };
}

/** The silence form's duration: a preset number of hours, or until the time in `endsAt`. */
const durationSchema = z.object({ duration: z.enum(['1', '4', '24', 'custom'], { error: 'pick a duration or an end time' }) });

/** A datetime-local input has no zone; the form labels it UTC. */
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** Adds a silence from the form (editors and admins; createSilence checks): for a rule, a function, both or everything. */
export async function createSilenceAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const now = new Date();
    const { duration } = durationSchema.parse({ duration: form.get('duration') ?? undefined });
    let endsAt: Date | string;
    if (duration === 'custom') {
      const endsAtText = formText(form, 'endsAt');
      if (endsAtText === undefined) throw new AppError('validation', 'endsAt: is required when the silence lasts until a time', 'endsAt');
      endsAt = asUtc(endsAtText);
    } else {
      endsAt = new Date(now.getTime() + Number(duration) * 3_600_000);
    }
    const input = silenceInputSchema.parse(withoutUndefined({ ruleId: formText(form, 'ruleId'), functionId: formText(form, 'functionId'), endsAt, reason: formText(form, 'reason') ?? '' }));
    await createSilence(await getWebPrisma(), input, { actor: viewer, now });
    revalidatePath('/alerts');
    return { status: 'done', message: `Silenced until ${input.endsAt.toISOString().replace('T', ' ').slice(0, 16)} UTC. Alerts it covers still change state; they notify no one.` };
  } catch (error) {
    return toFormError(error);
  }
}

function asUtc(value: string): string {
  return WITHOUT_ZONE.test(value) ? `${value}${value.length === 16 ? ':00' : ''}Z` : value;
}
