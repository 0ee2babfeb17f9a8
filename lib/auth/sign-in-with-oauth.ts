import type { PrismaClient } from '../db/generated/client';
import { claimInvite } from './claim-invite';
import { isUniqueViolation } from './is-unique-violation';
import { recordAuditEvent } from './record-audit-event';

export type OAuthSignIn = { ok: true; userId: number } | { ok: false; error: 'OAuthNotInvited' | 'OAuthEmailUnverified' | 'AccountDisabled' };

/**
 * Who a GitHub or Google identity signs in as: the member it is linked to; else the member with that
 * verified email (linking it); else a pending invite for that verified email (accepting it). Nobody
 * else gets in: OAuth never creates an account on its own.
 */
export async function signInWithOAuth(
  prisma: PrismaClient,
  input: { provider: string; providerAccountId: string; email: string | null; emailVerified: boolean; name: string | null; now?: Date },
): Promise<OAuthSignIn> {
  const key = { provider: input.provider, providerAccountId: input.providerAccountId };
  const linked = await prisma.oAuthAccount.findUnique({ where: { provider_providerAccountId: key }, include: { user: true } });
  if (linked) return linked.user.disabledAt ? { ok: false, error: 'AccountDisabled' } : { ok: true, userId: linked.userId };
  if (!input.email || !input.emailVerified) return { ok: false, error: 'OAuthEmailUnverified' };
  const email = input.email.trim().toLowerCase();
  const now = input.now ?? new Date();
  try {
    return await prisma.$transaction(async (tx) => {
      let user = await tx.user.findUnique({ where: { email } });
      if (user?.disabledAt) return { ok: false, error: 'AccountDisabled' } as const;
      if (!user) {
        const invite = await tx.invite.findFirst({
          where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: 'desc' },
        });
        if (!invite) return { ok: false, error: 'OAuthNotInvited' } as const;
        user = await claimInvite(tx, { inviteId: invite.id, name: input.name?.trim() || email.split('@')[0] || email, passwordHash: null, now });
      }
      await tx.oAuthAccount.create({ data: { ...key, userId: user.id } });
      await recordAuditEvent(tx, {
        actor: { userId: user.id, name: user.name, email: user.email },
        action: 'account.link',
        targetType: 'user',
        targetId: user.id,
        details: { provider: input.provider },
      });
      return { ok: true, userId: user.id } as const;
    });
  } catch (error) {
    // Two first sign-ins of one identity at once: the other linked it; use that.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.oAuthAccount.findUnique({ where: { provider_providerAccountId: key } });
    if (!winner) throw error;
    return { ok: true, userId: winner.userId };
  }
}
