import { NextResponse, type NextRequest } from 'next/server';
import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { errorResponse } from '../http/error-response';
import { checkOrigin } from './check-origin';
import { hasUsers } from './has-users';
import { isPublicPath } from './is-public-path';
import { listServerOrigins } from './list-server-origins';
import { readRequestCredentials } from './read-request-credentials';
import { resolveViewer } from './resolve-viewer';

export type GuardDependencies = {
  /** NEXTAUTH_URL: the one origin accepted when set. */
  publicUrl: string | undefined;
  /** Opened only for requests that need it, so public pages still answer while the database is down. */
  open: () => Promise<{ prisma: PrismaClient; secret: string }>;
};

/** Has its own access key, and no browser ever posts to it with our cookie. */
const ORIGIN_EXEMPT = new Set(['/api/ingest/firehose']);

/**
 * The one gate every request passes (proxy.ts): a state-changing request signed in by cookie must
 * come from our own origin; outside the public paths, nobody unproven gets through. Signed out,
 * a page visit is sent to /signin (or /setup before the first account), anything else gets 401 JSON.
 * Roles are checked further in, by the lib/ function each page or route calls.
 */
export async function guardRequest(request: NextRequest, deps: GuardDependencies): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const credentials = readRequestCredentials(request.headers);

  if (credentials.sessionToken !== null && !ORIGIN_EXEMPT.has(pathname)) {
    const origin = checkOrigin({
      method: request.method,
      origin: request.headers.get('origin'),
      serverOrigins: listServerOrigins(deps.publicUrl, {
        host: request.headers.get('host'),
        forwardedHost: request.headers.get('x-forwarded-host'),
        forwardedProto: request.headers.get('x-forwarded-proto'),
        protocol: request.nextUrl.protocol,
      }),
    });
    if (!origin.ok) return errorResponse(new AppError('forbidden', origin.message));
  }
  if (isPublicPath(pathname)) return NextResponse.next();

  try {
    const { prisma, secret } = await deps.open();
    if (await resolveViewer(prisma, credentials, { secret })) return NextResponse.next();
    const isPageVisit = !pathname.startsWith('/api/') && (request.method === 'GET' || request.method === 'HEAD');
    if (!isPageVisit) {
      const message = credentials.bearerToken !== null ? 'This API token is unknown, revoked or expired.' : 'Sign in, or send an API token: Authorization: Bearer <token>.';
      return errorResponse(new AppError('unauthorized', message));
    }
    const target = request.nextUrl.clone();
    target.search = '';
    if (!(await hasUsers(prisma))) {
      target.pathname = '/setup';
    } else {
      target.pathname = '/signin';
      target.searchParams.set('callbackUrl', `${pathname}${search}`);
    }
    return NextResponse.redirect(target, 307);
  } catch (error) {
    return errorResponse(error);
  }
}
