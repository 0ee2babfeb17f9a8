import { z } from 'zod';
import { requireApiViewer } from '@/lib/auth/require-api-viewer';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { errorResponse } from '@/lib/http/error-response';

/** Revokes a token (admins); it is refused from its next request on. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    const tokenId = z.coerce.number().int().positive().parse((await params).id);
    await revokeApiToken(await getWebPrisma(), { actor: viewer, tokenId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
