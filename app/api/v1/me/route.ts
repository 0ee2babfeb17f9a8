import { requireApiViewer } from '@/lib/auth/require-api-viewer';
import { errorResponse } from '@/lib/http/error-response';

/** Who this request is: a signed-in member or an API token, with its role. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { userId, name, email, role, via, tokenId } = await requireApiViewer(request);
    return Response.json({ viewer: { userId, name, email, role, via, ...(tokenId === undefined ? {} : { tokenId }) } });
  } catch (error) {
    return errorResponse(error);
  }
}
