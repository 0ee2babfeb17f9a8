import type { PrismaClient, User } from '../db/generated/client';
import { AppError } from '../errors';
import { nameSchema, passwordSchema } from './account-schemas';
import { claimInvite, invalidInviteMessage } from './claim-invite';
import { findPendingInvite } from './find-pending-invite';
import { hashPassword } from './hash-password';

/** Joins through an invitation link: the invited email and role, the name and password given. Once per link. */
export async function acceptInvite(prisma: PrismaClient, input: { token: string; name: string; password: string; now?: Date }): Promise<User> {
  const name = nameSchema.parse(input.name);
  const password = passwordSchema.parse(input.password);
  const invite = await findPendingInvite(prisma, input.token, input.now);
  if (!invite) throw new AppError('not_found', invalidInviteMessage);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction((tx) => claimInvite(tx, { inviteId: invite.id, name, passwordHash, ...(input.now ? { now: input.now } : {}) }));
}
