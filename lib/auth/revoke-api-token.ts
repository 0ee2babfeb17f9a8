import type { PrismaClient } from '../db/generated/client';
import { NotFoundError } from '../errors';
import { recordAuditEvent } from './record-audit-event';
import { requireChange } from './require-change';
import type { Viewer } from './viewer';

/** An admin revokes an API token: the next request with it is refused. Revoking twice is harmless. */
export async function revokeApiToken(prisma: PrismaClient, input: { actor: Viewer; tokenId: number; now?: Date }): Promise<void> {
  requireChange(input.actor, 'tokens');
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: input.tokenId }, select: { id: true, name: true, prefix: true } });
    if (!token) throw new NotFoundError(`No API token ${input.tokenId}.`, 'tokenId');
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: input.now ?? new Date() } });
    if (count === 0) return;
    await recordAuditEvent(tx, { actor: input.actor, action: 'token.revoke', targetType: 'api_token', targetId: token.id, details: { name: token.name, prefix: token.prefix } });
  });
}
