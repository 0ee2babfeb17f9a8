import type { PrismaClient, User } from '../db/generated/client';
import { emailSchema, nameSchema, passwordSchema } from './account-schemas';
import { hashPassword } from './hash-password';
import { insertUser } from './insert-user';
import type { Role } from './role';

/**
 * A user who can sign in with this email and password, straight away. For seeding (tests, scripts):
 * no role check and no audit event. People join through createFirstAdmin and acceptInvite.
 */
export async function createUser(
  prisma: PrismaClient,
  input: { email: string; name: string; role: Role; password: string },
): Promise<User> {
  return insertUser(prisma, {
    email: emailSchema.parse(input.email),
    name: nameSchema.parse(input.name),
    role: input.role,
    passwordHash: await hashPassword(passwordSchema.parse(input.password)),
  });
}
