import { headers } from 'next/headers';
import { loadConfig } from '../config';
import { listServerOrigins } from './list-server-origins';

/** This server's origin as the current request reached it (NEXTAUTH_URL's when set), for links such as invitations. */
export async function findRequestOrigin(): Promise<string> {
  const incoming = await headers();
  const [origin] = listServerOrigins(loadConfig().NEXTAUTH_URL, {
    host: incoming.get('host'),
    forwardedHost: incoming.get('x-forwarded-host'),
    forwardedProto: incoming.get('x-forwarded-proto'),
    protocol: 'http:',
  });
  return origin ?? '';
}
