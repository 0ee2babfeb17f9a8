import type { PrismaClient } from '../db/generated/client';
import { requireRole } from './require-role';
import { roleSchema, type Role } from './role';
import type { Viewer } from './viewer';

export type Member = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  signsInWith: { password: boolean; providers: string[] };
};
export type PendingInviteSummary = { id: number; email: string; role: Role; expiresAt: Date; invitedBy: string; createdAt: Date };

/** The team, for admins: members (role, status, last seen) by name, and invites still pending. */
export async function listMembers(
  prisma: PrismaClient,
  input: { actor: Viewer; now?: Date },
): Promise<{ members: Member[]; invites: PendingInviteSummary[] }> {
  requireRole(input.actor, 'admin', 'seeing the team');
  const [users, invites] = await Promise.all([
    prisma.user.findMany({
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      include: {
        sessions: { orderBy: { lastSeenAt: 'desc' }, take: 1, select: { lastSeenAt: true } },
        oauthAccounts: { select: { provider: true } },
      },
    }),
    prisma.invite.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: input.now ?? new Date() } },
      orderBy: { createdAt: 'desc' },
      include: { invitedBy: { select: { name: true } } },
    }),
  ]);
  return {
    members: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: roleSchema.parse(user.role),
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
      lastSeenAt: user.sessions[0]?.lastSeenAt ?? null,
      signsInWith: { password: user.passwordHash !== null, providers: user.oauthAccounts.map((account) => account.provider) },
    })),
    invites: invites.map((invite) => ({
      id: invite.id,
      email: invite.email,
      role: roleSchema.parse(invite.role),
      expiresAt: invite.expiresAt,
      createdAt: invite.createdAt,
      invitedBy: invite.invitedBy.name,
    })),
  };
}
