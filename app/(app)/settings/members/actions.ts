'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { emailSchema } from '@/lib/auth/account-schemas';
import { changeMemberRole } from '@/lib/auth/change-member-role';
import { createInvite, INVITE_VALID_DAYS } from '@/lib/auth/create-invite';
import { findRequestOrigin } from '@/lib/auth/find-request-origin';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { revokeInvite } from '@/lib/auth/revoke-invite';
import { roleSchema } from '@/lib/auth/role';
import { setMemberDisabled } from '@/lib/auth/set-member-disabled';
import { getWebPrisma } from '@/lib/db/get-web-prisma';

// Each action: viewer → input (zod) → one lib/auth function, which checks the role itself.

export async function inviteMemberAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = z.object({ email: emailSchema, role: roleSchema }).parse(Object.fromEntries(form));
    const invite = await createInvite(await getWebPrisma(), { actor: viewer, ...input });
    revalidatePath('/settings/members');
    return {
      status: 'done',
      message: `Invitation for ${invite.email} as ${invite.role}, valid ${INVITE_VALID_DAYS} days. Send them this link; it is shown only now.`,
      secret: `${await findRequestOrigin()}/invite/${invite.token}`,
      secretLabel: 'Invitation link',
    };
  } catch (error) {
    return toFormError(error);
  }
}

export async function changeRoleAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = z.object({ userId: z.coerce.number().int().positive(), role: roleSchema }).parse(Object.fromEntries(form));
    await changeMemberRole(await getWebPrisma(), { actor: viewer, ...input });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/settings/members');
  return { status: 'done', message: 'Role changed.' };
}

export async function setDisabledAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = z.object({ userId: z.coerce.number().int().positive(), disabled: z.enum(['true', 'false']) }).parse(Object.fromEntries(form));
    await setMemberDisabled(await getWebPrisma(), { actor: viewer, userId: input.userId, disabled: input.disabled === 'true' });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/settings/members');
  return { status: 'done', message: 'Saved.' };
}

export async function revokeInviteAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const inviteId = z.coerce.number().int().positive().parse(form.get('inviteId'));
    await revokeInvite(await getWebPrisma(), { actor: viewer, inviteId });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/settings/members');
  return { status: 'done', message: 'Invitation withdrawn.' };
}
