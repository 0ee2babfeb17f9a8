'use server';

import { revalidatePath } from 'next/cache';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { toFormError, type FormState } from '@/lib/http/form-state';
import { createSource } from '@/lib/ingest/create-source';
import { sourceInputSchema } from '@/lib/ingest/source-input-schema';

/** Adds a source from the form (editors and admins; createSource checks): tested, stored, audited. */
export async function addSourceAction(_state: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePageViewer();
  try {
    // Blank optional fields mean "not given".
    const fields = Object.fromEntries([...form.entries()].filter(([name, value]) => !name.startsWith('$') && value !== ''));
    const source = await createSource(await getWebPrisma(), sourceInputSchema.parse(fields), viewer);
    revalidatePath('/settings/sources');
    return {
      status: 'done',
      message: `Source '${source.name}' added${source.functionsVisible ? '' : ' (connected; it has no functions yet)'}. The worker discovers its functions within a minute.`,
    };
  } catch (error) {
    return toFormError(error);
  }
}
