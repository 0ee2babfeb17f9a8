import type { PrismaClient } from '../db/create-prisma-client';
import { Prisma } from '../db/generated/client';
import { rollupRowsSql, splitRollupSpans } from '../metrics/rollup-rows';
import { emptyRollupTotals, ROLLUP_TOTALS_SELECT, rollupTotalsOf, type RollupTotalsRow } from '../metrics/rollup-totals';
import type { WindowFacts } from './alert-signals';

export type WindowRequest = {
  windowMinutes: number;
  end: Date;
  functionIds: readonly number[];
  /** Only read when a rule watches them: they come from attempts and invocations, not rollups. */
  needsInitDuration: boolean;
  needsExhaustedRetries: boolean;
};

/**
 * What one window [end − window, end) says about each of the functions: rollup totals (whole hours
 * and edge minutes), throttles and peak concurrency, and when asked the p95 init duration and the
 * events that exhausted their retries. One query per kind for all the functions at once.
 */
export async function readWindowFacts(prisma: PrismaClient, request: WindowRequest): Promise<Map<number, WindowFacts>> {
  const since = new Date(request.end.getTime() - request.windowMinutes * 60_000);
  const spans = splitRollupSpans(since, request.end);
  const ids = Prisma.sql`${[...request.functionIds]}::int[]`;
  const [totals, metrics, inits, exhausted] = await Promise.all([
    prisma.$queryRaw<Array<RollupTotalsRow & { function_id: number }>>`
      SELECT function_id, ${ROLLUP_TOTALS_SELECT} FROM ${rollupRowsSql('attempts', spans, ids)} rollups GROUP BY function_id`,
    prisma.$queryRaw<Array<{ function_id: number; throttles: number; max_concurrency: number }>>`
      SELECT function_id, sum(throttles)::float8 AS throttles, max(concurrent_executions)::int AS max_concurrency
        FROM ${rollupRowsSql('metrics', spans, ids)} rollups GROUP BY function_id`,
    request.needsInitDuration
      ? prisma.$queryRaw<Array<{ function_id: number; p95: number }>>`
          SELECT function_id, percentile_cont(0.95) WITHIN GROUP (ORDER BY init_duration_ms) AS p95
            FROM attempts
           WHERE function_id = ANY(${ids}) AND started_at >= ${since} AND started_at < ${request.end} AND init_duration_ms IS NOT NULL
           GROUP BY function_id`
      : Promise.resolve([]),
    // An asynchronous event has exhausted its retries when its last allowed attempt failed (Lambda's default: 2 retries).
    request.needsExhaustedRetries
      ? prisma.$queryRaw<Array<{ function_id: number; events: number }>>`
          SELECT i.function_id, count(*)::float8 AS events
            FROM invocations i JOIN functions f ON f.id = i.function_id
           WHERE i.function_id = ANY(${ids}) AND i.last_end_at >= ${since} AND i.last_end_at < ${request.end}
             AND i.first_start_at >= ${new Date(since.getTime() - 7 * 3_600_000)}
             AND i.final_status NOT IN ('success', 'running') AND i.attempt_count >= COALESCE(f.max_retry_attempts, 2) + 1
           GROUP BY i.function_id`
      : Promise.resolve([]),
  ]);
  const totalsOf = new Map(totals.map((row) => [row.function_id, row]));
  const metricsOf = new Map(metrics.map((row) => [row.function_id, row]));
  const initOf = new Map(inits.map((row) => [row.function_id, row.p95]));
  const exhaustedOf = new Map(exhausted.map((row) => [row.function_id, row.events]));
  const facts = new Map<number, WindowFacts>();
  for (const id of request.functionIds) {
    const own = totalsOf.get(id);
    facts.set(id, {
      totals: own ? rollupTotalsOf(own) : emptyRollupTotals(),
      throttles: metricsOf.get(id)?.throttles ?? 0,
      maxConcurrency: metricsOf.get(id)?.max_concurrency ?? null,
      initDurationP95: initOf.get(id) ?? null,
      exhaustedRetries: exhaustedOf.get(id) ?? 0,
    });
  }
  return facts;
}
