import type { PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';
import { nameSchema } from './account-schemas';
import type { Viewer } from './viewer';

/** A member changes their own display name. */
export async function renameAccount(prisma: PrismaClient, input: { actor: Viewer; name: string }): Promise<void> {
  if (input.actor.userId === null) throw new AppError('forbidden', 'Not allowed: an API token has no account to rename.');
  await prisma.user.update({ where: { id: input.actor.userId }, data: { name: nameSchema.parse(input.name) } });
}
