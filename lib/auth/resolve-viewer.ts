import type { PrismaClient } from '../db/generated/client';
import { findSessionViewer } from './find-session-viewer';
import { findTokenViewer } from './find-token-viewer';
import type { RequestCredentials } from './read-request-credentials';
import type { Viewer } from './viewer';

/**
 * THE guard's question, for any request: who is this? A Bearer API token when one is sent (and then
 * only it), else the next-auth session cookie; null when neither proves anyone.
 */
export async function resolveViewer(
  prisma: PrismaClient,
  credentials: RequestCredentials,
  options: { secret: string; now?: Date },
): Promise<Viewer | null> {
  if (credentials.bearerToken !== null) return findTokenViewer(prisma, credentials.bearerToken, options);
  if (credentials.sessionToken !== null) return findSessionViewer(prisma, credentials.sessionToken, options);
  return null;
}
