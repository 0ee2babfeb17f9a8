import type { NextRequest } from 'next/server';
import { loadConfig } from './lib/config';
import { getWebAuth } from './lib/auth/get-web-auth';
import { guardRequest } from './lib/auth/guard-request';
import { errorResponse } from './lib/http/error-response';

/**
 * Every request goes through the guard (lib/auth/guard-request.ts): it knows the few public paths;
 * everything else needs a signed-in member or an API token. Runs on Node.js (Next 16's proxy).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  let publicUrl: string | undefined;
  try {
    publicUrl = loadConfig().NEXTAUTH_URL;
  } catch (error) {
    return errorResponse(error);
  }
  return guardRequest(request, { publicUrl, open: getWebAuth });
}

export const config = {
  // Static build output only; every page, route and server action passes through.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
