import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { AppConfig } from '../config';
import type { PrismaClient } from '../db/generated/client';
import { authorizeCredentials } from './authorize-credentials';
import { createAuthSession } from './create-auth-session';
import { oauthProviders } from './oauth-providers';
import { revokeAuthSession } from './revoke-auth-session';
import { encodeSignInError } from './sign-in-error';
import { signInWithOAuth } from './sign-in-with-oauth';

/** Who is signing in, as the route handler saw the request (callbacks do not get the request). */
export type SignInRequest = { ip: string | null; userAgent: string | null };

type AuthConfig = Pick<AppConfig, 'LAMBDASCOPE_SESSION_HOURS' | 'GITHUB_ID' | 'GITHUB_SECRET' | 'GOOGLE_ID' | 'GOOGLE_SECRET'>;

/**
 * next-auth's options, per request. JWT sessions (the Credentials provider requires them), made
 * revocable: signing in creates an auth_sessions row whose id (`sid`) the JWT carries, and the guard
 * accepts the cookie only while that row is live. Signing out revokes it.
 */
export function buildAuthOptions(input: { prisma: PrismaClient; config: AuthConfig; secret: string; request: SignInRequest }): NextAuthOptions {
  const { prisma, config, request } = input;
  const maxAge = Math.round(config.LAMBDASCOPE_SESSION_HOURS * 3600);
  return {
    secret: input.secret,
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const result = await authorizeCredentials(prisma, { email: credentials?.email ?? '', password: credentials?.password ?? '', ip: request.ip });
          // The message becomes `?error=` on the sign-in page (see describeSignInError).
          if (!result.ok) throw new Error(encodeSignInError(result));
          return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        },
      }),
      ...oauthProviders(config),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.type !== 'oauth') return true;
        const claims = (profile ?? {}) as { email?: unknown; email_verified?: unknown; name?: unknown };
        const result = await signInWithOAuth(prisma, {
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: typeof claims.email === 'string' ? claims.email : null,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === 'string' ? claims.name : null,
        });
        return result.ok ? true : `/signin?error=${result.error}`;
      },
      async jwt({ token, user, account }) {
        // Only at sign-in; afterwards the token is left alone and the guard checks its session row.
        if (!user || !account) return token;
        const userId = account.type === 'credentials' ? Number(user.id) : await linkedUserId(prisma, account.provider, account.providerAccountId);
        const session = await createAuthSession(prisma, { userId, hours: config.LAMBDASCOPE_SESSION_HOURS, ip: request.ip, userAgent: request.userAgent });
        return { sub: String(userId), sid: session.id };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeAuthSession(prisma, { sessionId: token.sid });
      },
    },
  };
}

async function linkedUserId(prisma: PrismaClient, provider: string, providerAccountId: string): Promise<number> {
  const linked = await prisma.oAuthAccount.findUniqueOrThrow({ where: { provider_providerAccountId: { provider, providerAccountId } } });
  return linked.userId;
}
