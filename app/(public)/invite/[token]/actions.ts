'use server';

import { redirect } from 'next/navigation';
import { acceptInvite } from '@/lib/auth/accept-invite';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { joinSchema } from '@/lib/auth/new-account-schema';
import { getWebPrisma } from '@/lib/db/get-web-prisma';

/** Joins through the invitation in the link (bound as `token`), then on to sign in with the new password. */
export async function acceptInviteAction(token: string, _state: FormState, form: FormData): Promise<FormState> {
  let email: string;
  try {
    const input = joinSchema.parse(Object.fromEntries(form));
    email = (await acceptInvite(await getWebPrisma(), { token, name: input.name, password: input.password })).email;
  } catch (error) {
    return toFormError(error);
  }
  redirect(`/signin?notice=joined&email=${encodeURIComponent(email)}`);
}
