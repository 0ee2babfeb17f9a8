import type { PrismaClient } from '../db/create-prisma-client';

/**
 * Waits for a slot under a quota shared by every worker: each call counts itself in the current
 * second's row; past `perSecond`, it sleeps to the next second and tries again. Rows older than a
 * minute are pruned as it goes. Returns the (database) second the slot belongs to.
 */
export async function takeRateLimitSlot(prisma: PrismaClient, options: { key: string; perSecond: number }): Promise<Date> {
  for (;;) {
    const [row] = await prisma.$queryRaw<Array<{ calls: number; second: Date; wait_ms: number }>>`
      INSERT INTO rate_limit_windows (key, second, calls) VALUES (${options.key}, date_trunc('second', now()), 1)
      ON CONFLICT (key, second) DO UPDATE SET calls = rate_limit_windows.calls + 1
      RETURNING calls, second, (1000 - extract(milliseconds FROM now())::int % 1000) AS wait_ms`;
    if (!row) throw new Error('rate limit row missing after upsert');
    if (row.calls <= options.perSecond) {
      if (Math.random() < 0.01) {
        await prisma.$executeRaw`DELETE FROM rate_limit_windows WHERE second < now() - interval '1 minute'`;
      }
      return row.second;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, row.wait_ms)));
  }
}
