'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken } from '@/lib/auth/create-api-token';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { roleSchema } from '@/lib/auth/role';
import { getWebPrisma } from '@/lib/db/get-web-prisma';

const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  role: roleSchema,
  /** '' = never. */
  expiresInDays: z.union([z.literal(''), z.coerce.number().int().min(1).max(3650)]),
});

export async function createTokenAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const input = createTokenSchema.parse(Object.fromEntries(form));
    const expiresAt = input.expiresInDays === '' ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
    const token = await createApiToken(await getWebPrisma(), { actor: viewer, name: input.name, role: input.role, expiresAt });
    revalidatePath('/settings/tokens');
    return {
      status: 'done',
      message: `Token "${token.name}" (${token.role}) created. Copy it now: it is never shown again. Send it as Authorization: Bearer <token>.`,
      secret: token.secret,
      secretLabel: 'New API token',
    };
  } catch (error) {
    return toFormError(error);
  }
}

export async function revokeTokenAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    const tokenId = z.coerce.number().int().positive().parse(form.get('tokenId'));
    await revokeApiToken(await getWebPrisma(), { actor: viewer, tokenId });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath('/settings/tokens');
  return { status: 'done', message: 'Token revoked.' };
}
