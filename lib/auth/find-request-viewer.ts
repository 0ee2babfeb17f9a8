import { getWebAuth } from './get-web-auth';
import { readRequestCredentials } from './read-request-credentials';
import { resolveViewer } from './resolve-viewer';
import type { Viewer } from './viewer';

/** The viewer of a request to the web server (its headers: Authorization, Cookie), or null. */
export async function findRequestViewer(headers: Pick<Headers, 'get'>): Promise<Viewer | null> {
  const { prisma, secret } = await getWebAuth();
  return resolveViewer(prisma, readRequestCredentials(headers), { secret });
}
