import { requireApiViewer } from '../auth/require-api-viewer';
import type { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import type { PrismaClient } from '../db/create-prisma-client';
import { getWebPrisma } from '../db/get-web-prisma';
import { errorResponse } from './error-response';

export type ApiContext<Params> = { request: Request; params: Params; query: URLSearchParams; viewer: Viewer; prisma: PrismaClient };

/**
 * A /api/v1 route handler's four beats around `handle`: the viewer (session or token, at least
 * `minimumRole`), the database, the call, and the response — a value as JSON, or any error in the
 * one error shape. Input validation is `handle`'s first line (zod; a ZodError becomes a 400 naming the field).
 */
export function apiHandler<Params = Record<string, never>>(
  minimumRole: Role,
  handle: (context: ApiContext<Params>) => Promise<unknown>,
): (request: Request, route: { params: Promise<Params> }) => Promise<Response> {
  return async (request, route) => {
    try {
      const viewer = await requireApiViewer(request, minimumRole);
      const result = await handle({ request, params: await route.params, query: new URL(request.url).searchParams, viewer, prisma: await getWebPrisma() });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
