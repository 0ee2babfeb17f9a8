import type { Prisma } from '../db/generated/client';
import type { Database } from './database';
import type { Viewer } from './viewer';

export type AuditActor = Pick<Viewer, 'userId' | 'name' | 'email'> & Partial<Pick<Viewer, 'via' | 'tokenId'>>;

/**
 * Writes who changed what. Call it with the transaction client of the change itself, so the change
 * and its record commit together. `action` is `<area>.<verb>`: 'source.create', 'member.invite',
 * 'member.role', 'member.disable', 'token.create', 'token.revoke', 'user.setup', 'password.change' …
 */
export async function recordAuditEvent(
  tx: Database,
  event: { actor: AuditActor; action: string; targetType: string; targetId?: string | number | null; details?: Prisma.InputJsonObject },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor.userId,
      actorLabel: describeActor(event.actor),
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
      details: event.details ?? {},
    },
  });
}

function describeActor(actor: AuditActor): string {
  if (actor.via === 'token') return `token "${actor.name}" #${actor.tokenId ?? '?'} (made by ${actor.email})`;
  return `${actor.name} <${actor.email}>`;
}
