import type { PrismaClient, User } from '../db/generated/client';
import { AppError } from '../errors';
import { emailSchema, nameSchema, passwordSchema } from './account-schemas';
import { hashPassword } from './hash-password';
import { insertUser } from './insert-user';
import { recordAuditEvent } from './record-audit-event';

/**
 * First run: the first account, an admin. Only while no user exists, and only once even when two
 * setups race: the users table is locked against writers until this commits, so the loser sees the
 * winner's row and gets AppError('conflict').
 */
export async function createFirstAdmin(prisma: PrismaClient, input: { email: string; name: string; password: string }): Promise<User> {
  const email = emailSchema.parse(input.email);
  const name = nameSchema.parse(input.name);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE "users" IN SHARE ROW EXCLUSIVE MODE`;
    if ((await tx.user.count()) > 0) throw new AppError('conflict', 'Lambdascope is set up already: sign in instead.');
    const user = await insertUser(tx, { email, name, role: 'admin', passwordHash });
    await recordAuditEvent(tx, {
      actor: { userId: user.id, name: user.name, email: user.email },
      action: 'user.setup',
      targetType: 'user',
      targetId: user.id,
      details: { role: 'admin' },
    });
    return user;
  });
}
