import type { NextAuthOptions } from 'next-auth';
import { buildAuthOptions } from './auth-options';
import { getWebAuth } from './get-web-auth';
import { readClientIp } from './read-client-ip';

/** next-auth's options for one request to /api/auth/*, on the web server's database and secret. */
export async function getWebAuthOptions(headers: Pick<Headers, 'get'>): Promise<NextAuthOptions> {
  const { prisma, secret, config } = await getWebAuth();
  if (!config.NEXTAUTH_URL) {
    // next-auth reads these itself: without a configured URL it must take the request's own host
    // (x-forwarded-host/-proto, which Next sets), else it assumes http://localhost:3000.
    process.env.AUTH_TRUST_HOST ??= 'true';
  }
  return buildAuthOptions({ prisma, config, secret, request: { ip: readClientIp(headers), userAgent: headers.get('user-agent') } });
}
