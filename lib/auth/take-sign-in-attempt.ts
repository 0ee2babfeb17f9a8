import type { PrismaClient } from '../db/generated/client';
import { defaultSignInLimits, type SignInLimits } from './sign-in-limits';

/** Advisory-lock namespace of sign-in counting (any constant other code does not use). */
const SIGN_IN_LOCK_SPACE = 4_100_417;

export type SignInAttempt = { allowed: true; attemptIds: number[] } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt against its email and its IP, or refuses it when either has had its fill of
 * attempts in the window; then says how long until the next is allowed. The attempt is recorded
 * before the password is checked (so parallel guesses count too) and cleared by clearSignInFailures
 * when it succeeds. Callers with the same email or IP queue on an advisory lock, so the count is exact.
 */
export async function takeSignInAttempt(
  prisma: PrismaClient,
  input: { email: string; ip: string | null; now?: Date; limits?: SignInLimits },
): Promise<SignInAttempt> {
  const now = input.now ?? new Date();
  const limits = input.limits ?? defaultSignInLimits;
  const windowStart = new Date(now.getTime() - limits.windowMs);
  // Always email first, then IP: two callers never take the same two locks in opposite orders.
  const counted = [{ key: `email:${input.email}`, limit: limits.perEmail }];
  if (input.ip) counted.push({ key: `ip:${input.ip}`, limit: limits.perIp });
  return prisma.$transaction(async (tx) => {
    for (const { key } of counted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_SPACE}, hashtext(${key}))`;
    const keys = counted.map(({ key }) => key);
    await tx.signInFailure.deleteMany({ where: { key: { in: keys }, at: { lt: windowStart } } });
    let retryAfterMs = 0;
    for (const { key, limit } of counted) {
      const recent = await tx.signInFailure.findMany({ where: { key, at: { gte: windowStart } }, orderBy: { at: 'asc' }, select: { at: true } });
      if (recent.length < limit) continue;
      // Allowed again once enough of these leave the window to bring the count under the limit.
      const freeing = recent[recent.length - limit] as { at: Date };
      retryAfterMs = Math.max(retryAfterMs, freeing.at.getTime() + limits.windowMs - now.getTime());
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    const created = await tx.signInFailure.createManyAndReturn({ data: keys.map((key) => ({ key, at: now })), select: { id: true } });
    return { allowed: true, attemptIds: created.map(({ id }) => id) };
  });
}
