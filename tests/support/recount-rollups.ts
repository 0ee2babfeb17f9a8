import type { PrismaClient } from '../../lib/db/create-prisma-client';

export type RollupRow = {
  minute: string;
  invocations: number;
  errors: number;
  timeouts: number;
  outOfMemory: number;
  coldStarts: number;
  retries: number;
  durationSumMs: number;
};

/** A function's minute rollups as stored (minutes with finished attempts only). */
export async function storedRollups(prisma: PrismaClient, functionId: number): Promise<RollupRow[]> {
  const rows = await prisma.functionMinute.findMany({ where: { functionId }, orderBy: { minute: 'asc' } });
  return rows
    .filter((row) => row.invocations > 0)
    .map(({ minute, invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs }) => ({
      minute: minute.toISOString(), invocations, errors, timeouts, outOfMemory, coldStarts, retries, durationSumMs,
    }));
}

/** The same rollups recounted from the stored attempts: the invariant is that the two are equal. */
export function recountRollups(prisma: PrismaClient, functionId: number): Promise<RollupRow[]> {
  return prisma.$queryRaw<RollupRow[]>`
    SELECT to_char(date_trunc('minute', started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS minute,
           count(*)::int AS invocations,
           count(*) FILTER (WHERE status <> 'success')::int AS errors,
           count(*) FILTER (WHERE status = 'timeout')::int AS timeouts,
           count(*) FILTER (WHERE status = 'out_of_memory')::int AS "outOfMemory",
           count(*) FILTER (WHERE cold_start)::int AS "coldStarts",
           count(*) FILTER (WHERE attempt_number > 1)::int AS retries,
           COALESCE(sum(duration_ms), 0)::float8 AS "durationSumMs"
      FROM (SELECT *, row_number() OVER (PARTITION BY request_id ORDER BY started_at) AS attempt_number
              FROM attempts WHERE function_id = ${functionId}) finished
     WHERE status <> 'running'
     GROUP BY 1 ORDER BY 1`;
}
