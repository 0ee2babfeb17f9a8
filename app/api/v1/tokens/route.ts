import { z } from 'zod';
import { createApiToken } from '@/lib/auth/create-api-token';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { readJsonBody } from '@/lib/http/read-json-body';
import { requireApiViewer } from '@/lib/auth/require-api-viewer';
import { roleSchema } from '@/lib/auth/role';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { errorResponse } from '@/lib/http/error-response';

/** API tokens (admins), newest first; never their secrets. */
export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    return Response.json({ tokens: await listApiTokens(await getWebPrisma(), { actor: viewer }) });
  } catch (error) {
    return errorResponse(error);
  }
}

const createSchema = z.object({ name: z.string(), role: roleSchema, expiresAt: z.iso.datetime({ offset: true }).nullable().optional() });

/** Creates a token (admins, signed in): `{ name, role, expiresAt? }` → the secret, in this answer only. */
export async function POST(request: Request): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    const input = createSchema.parse(await readJsonBody(request));
    const token = await createApiToken(await getWebPrisma(), {
      actor: viewer,
      name: input.name,
      role: input.role,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    return Response.json({ token }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
