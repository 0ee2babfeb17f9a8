'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { nameSchema } from '@/lib/auth/account-schemas';
import { changePassword } from '@/lib/auth/change-password';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { renameAccount } from '@/lib/auth/rename-account';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { revokeAuthSession } from '@/lib/auth/revoke-auth-session';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { AppError } from '@/lib/errors';

export async function renameAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    await renameAccount(await getWebPrisma(), { actor: viewer, name: nameSchema.parse(form.get('name')) });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/', 'layout');
  return { status: 'done', message: 'Name saved.' };
}

const passwordChangeSchema = z
  .object({ currentPassword: z.string().default(''), newPassword: z.string(), confirmPassword: z.string() })
  .refine((input) => input.newPassword === input.confirmPassword, { message: 'does not match the new password', path: ['confirmPassword'] });

/** Every session ends with the password change, this one too: straight on to sign in again. */
export async function changePasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = passwordChangeSchema.parse(Object.fromEntries(form));
    await changePassword(await getWebPrisma(), { actor: viewer, currentPassword: input.currentPassword, newPassword: input.newPassword });
  } catch (error) {
    return toFormError(error);
  }
  redirect(`/signin?notice=password-changed&email=${encodeURIComponent(viewer.email)}`);
}

/** Ends one of the viewer's own sessions (never anyone else's: revokeAuthSession is given the viewer's id). */
export async function revokeSessionAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  let sessionId: string;
  try {
    sessionId = z.uuid().parse(form.get('sessionId'));
    if (viewer.userId === null) throw new AppError('forbidden', 'Not allowed: an API token has no sessions.');
    const ended = await revokeAuthSession(await getWebPrisma(), { sessionId, userId: viewer.userId });
    if (!ended) throw new AppError('not_found', 'That session has ended already.');
  } catch (error) {
    return toFormError(error);
  }
  if (sessionId === viewer.sessionId) redirect('/signin');
  revalidatePath('/settings/account');
  return { status: 'done', message: 'Session ended.' };
}
