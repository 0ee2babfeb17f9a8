import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { createSecretToken } from './create-secret-token';
import { recordAuditEvent } from './record-audit-event';
import { requireChange } from './require-change';
import { roleAtLeast, type Role } from './role';
import type { Viewer } from './viewer';

export type CreatedApiToken = { id: number; name: string; prefix: string; role: Role; expiresAt: Date | null; secret: string };

/**
 * An admin creates an API token for /api/v1 with a role no higher than their own and an optional
 * expiry. The secret is returned this once; only its SHA-256 and first characters are kept.
 */
export async function createApiToken(
  prisma: PrismaClient,
  input: { actor: Viewer; name: string; role: Role; expiresAt?: Date | null; now?: Date },
): Promise<CreatedApiToken> {
  requireChange(input.actor, 'tokens');
  const creatorId = input.actor.userId;
  if (creatorId === null) throw new AppError('forbidden', 'Not allowed: API tokens are created by a signed-in member, not by another token.');
  if (!roleAtLeast(input.actor.role, input.role)) throw new AppError('forbidden', `Not allowed: a token cannot have a higher role than yours (${input.actor.role}).`, 'role');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) throw new AppError('validation', 'name: must be 1 to 100 characters', 'name');
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt <= (input.now ?? new Date())) throw new AppError('validation', 'expiresAt: must be in the future', 'expiresAt');
  const { secret, hash, prefix } = createSecretToken('lsk');
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.create({ data: { name, role: input.role, tokenHash: hash, prefix, createdById: creatorId, expiresAt } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: 'token.create',
      targetType: 'api_token',
      targetId: token.id,
      details: { name, role: input.role, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: token.id, name, prefix, role: input.role, expiresAt, secret };
  });
}
