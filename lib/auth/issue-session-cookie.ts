import { encode } from 'next-auth/jwt';
import type { PrismaClient } from '../db/generated/client';
import { createAuthSession } from './create-auth-session';
import { sessionCookieNames } from './read-request-credentials';

/**
 * A signed-in session for a user without the sign-in form: the session row and the cookie a browser
 * would hold after signing in (the same JWT next-auth issues). For tests and scripts: end-to-end tests
 * seed a user with createUser, then set this cookie on the browser context.
 */
export async function issueSessionCookie(
  prisma: PrismaClient,
  input: { userId: number; secret: string; hours: number; secure?: boolean; now?: Date },
): Promise<{ name: string; value: string; sessionId: string; expiresAt: Date }> {
  const session = await createAuthSession(prisma, { userId: input.userId, hours: input.hours, userAgent: 'issueSessionCookie', ...(input.now ? { now: input.now } : {}) });
  const value = await encode({ token: { sub: String(input.userId), sid: session.id }, secret: input.secret, maxAge: Math.round(input.hours * 3600) });
  return { name: input.secure ? sessionCookieNames[0] : sessionCookieNames[1], value, sessionId: session.id, expiresAt: session.expiresAt };
}
