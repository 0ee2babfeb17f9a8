import type { PrismaClient } from '../db/generated/client';
import { requireRole } from './require-role';
import { roleSchema, type Role } from './role';
import type { Viewer } from './viewer';

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** Every API token, newest first, for admins (never the secrets: only their first characters). */
export async function listApiTokens(prisma: PrismaClient, input: { actor: Viewer }): Promise<ApiTokenSummary[]> {
  requireRole(input.actor, 'admin', 'seeing API tokens');
  const tokens = await prisma.apiToken.findMany({ orderBy: { id: 'desc' }, include: { createdBy: { select: { name: true } } } });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    role: roleSchema.parse(token.role),
    createdBy: token.createdBy.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
  }));
}
