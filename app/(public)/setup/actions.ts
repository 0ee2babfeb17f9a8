'use server';

import { redirect } from 'next/navigation';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { createFirstAdmin } from '@/lib/auth/create-first-admin';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { newAccountSchema } from '@/lib/auth/new-account-schema';

/** First run: creates the admin (refused once anyone exists), then on to sign in. */
export async function setupAction(_state: FormState, form: FormData): Promise<FormState> {
  let email: string;
  try {
    const input = newAccountSchema.parse(Object.fromEntries(form));
    email = (await createFirstAdmin(await getWebPrisma(), input)).email;
  } catch (error) {
    return toFormError(error);
  }
  redirect(`/signin?notice=setup&email=${encodeURIComponent(email)}`);
}
