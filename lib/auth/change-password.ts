import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { passwordSchema } from './account-schemas';
import { hashPassword } from './hash-password';
import { recordAuditEvent } from './record-audit-event';
import { revokeUserSessions } from './revoke-user-sessions';
import { verifyPassword } from './verify-password';
import type { Viewer } from './viewer';

/**
 * A member changes their password (or sets one, if they only ever signed in with GitHub or Google).
 * Every one of their sessions ends, this one included: they sign in again with the new password.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: { actor: Viewer; currentPassword: string; newPassword: string; now?: Date },
): Promise<{ sessionsEnded: number }> {
  const userId = input.actor.userId;
  if (userId === null) throw new AppError('forbidden', 'Not allowed: an API token has no password.');
  const newPassword = passwordSchema.safeParse(input.newPassword);
  if (!newPassword.success) throw new AppError('validation', `newPassword: ${newPassword.error.issues[0]?.message ?? 'is invalid'}`, 'newPassword');
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash && !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('validation', 'currentPassword: is not your current password', 'currentPassword');
  }
  const passwordHash = await hashPassword(newPassword.data);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const sessionsEnded = await revokeUserSessions(tx, { userId, ...(input.now ? { now: input.now } : {}) });
    await recordAuditEvent(tx, { actor: input.actor, action: 'password.change', targetType: 'user', targetId: userId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}
