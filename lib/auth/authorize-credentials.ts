import type { PrismaClient, User } from '../db/generated/client';
import { clearSignInFailures } from './clear-sign-in-failures';
import { hashPassword } from './hash-password';
import type { SignInLimits } from './sign-in-limits';
import { takeSignInAttempt } from './take-sign-in-attempt';
import { verifyPassword } from './verify-password';

export type SignInRefusal =
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

// Unknown emails are checked against this, so they take as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * Email and password sign-in: rate limited first (refused even with the right password once the limit
 * is reached), then one answer for a wrong email or a wrong password, never which. A disabled account
 * is named only to someone who knew its password.
 */
export async function authorizeCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ip: string | null; now?: Date; limits?: SignInLimits },
): Promise<{ ok: true; user: User } | SignInRefusal> {
  const email = input.email.trim().toLowerCase();
  const attempt = await takeSignInAttempt(prisma, { email, ip: input.ip, ...(input.now ? { now: input.now } : {}), ...(input.limits ? { limits: input.limits } : {}) });
  if (!attempt.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: attempt.retryAfterSeconds };
  const user = email === '' ? null : await prisma.user.findUnique({ where: { email } });
  const hash = user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy password, never anyone’s')));
  const matches = await verifyPassword(input.password, hash);
  if (!user || !user.passwordHash || !matches) return { ok: false, reason: 'invalid' };
  await clearSignInFailures(prisma, { email, attemptIds: attempt.attemptIds });
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  return { ok: true, user };
}
