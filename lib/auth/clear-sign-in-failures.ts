import type { PrismaClient } from '../db/generated/client';

/**
 * After a right password: the email's count starts over, and this attempt no longer counts against its
 * IP (other failures from that IP still do).
 */
export async function clearSignInFailures(prisma: PrismaClient, input: { email: string; attemptIds: number[] }): Promise<void> {
  await prisma.signInFailure.deleteMany({ where: { OR: [{ key: `email:${input.email}` }, { id: { in: input.attemptIds } }] } });
}
