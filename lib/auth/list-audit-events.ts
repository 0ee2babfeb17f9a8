import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { requireRole } from './require-role';
import type { Viewer } from './viewer';

export type AuditEventSummary = { id: number; at: Date; actorLabel: string; action: string; targetType: string; targetId: string | null; details: unknown };

/** The audit log for admins, newest first, a page at a time: pass `before` = the last id of the previous page. */
export async function listAuditEvents(
  prisma: PrismaClient,
  input: { actor: Viewer; before?: number; limit?: number },
): Promise<{ events: AuditEventSummary[]; nextBefore: number | null }> {
  requireRole(input.actor, 'admin', 'reading the audit log');
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError('validation', `limit: must be a whole number from 1 to 500 (got ${limit})`, 'limit');
  const rows = await prisma.auditEvent.findMany({
    where: input.before === undefined ? {} : { id: { lt: input.before } },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: { id: true, at: true, actorLabel: true, action: true, targetType: true, targetId: true, details: true },
  });
  const events = rows.slice(0, limit);
  return { events, nextBefore: rows.length > limit ? (events[events.length - 1]?.id ?? null) : null };
}
