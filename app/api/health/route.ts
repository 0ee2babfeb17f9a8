import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { errorResponse } from '@/lib/http/error-response';

/** Public (no sign-in): 200 when the web server can reach its database, else 503. Says nothing else. */
export async function GET(): Promise<Response> {
  try {
    await (await getWebPrisma()).$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
