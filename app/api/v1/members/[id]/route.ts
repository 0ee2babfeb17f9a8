import { z } from 'zod';
import { changeMemberRole } from '@/lib/auth/change-member-role';
import { readJsonBody } from '@/lib/http/read-json-body';
import { requireApiViewer } from '@/lib/auth/require-api-viewer';
import { roleSchema } from '@/lib/auth/role';
import { setMemberDisabled } from '@/lib/auth/set-member-disabled';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { errorResponse } from '@/lib/http/error-response';

const changeSchema = z.union([z.strictObject({ role: roleSchema }), z.strictObject({ disabled: z.boolean() })]);

/** Changes one member (admins): `{ "role": "editor" }` or `{ "disabled": true }`, one change per request. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    const userId = z.coerce.number().int().positive().parse((await params).id);
    const change = changeSchema.parse(await readJsonBody(request));
    const prisma = await getWebPrisma();
    if ('role' in change) await changeMemberRole(prisma, { actor: viewer, userId, role: change.role });
    else await setMemberDisabled(prisma, { actor: viewer, userId, disabled: change.disabled });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
