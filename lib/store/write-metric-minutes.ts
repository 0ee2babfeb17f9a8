import type { PrismaClient } from '../db/create-prisma-client';

/** One function-minute of CloudWatch's Throttles (Sum) and ConcurrentExecutions (Maximum). */
export type MetricMinute = { functionId: number; minute: Date; throttles: number; concurrentExecutions: number };

const HOUR_MS = 3_600_000;

/**
 * Stores metric minutes, overwriting any already stored (CloudWatch's latest value wins, so late
 * datapoints correct themselves), and recounts their hours from the stored minutes in the same
 * transaction: an overwritten minute cannot be added to an hour, only recounted.
 */
export async function writeMetricMinutes(prisma: PrismaClient, rows: readonly MetricMinute[]): Promise<void> {
  if (rows.length === 0) return;
  const functionIds = rows.map((row) => row.functionId);
  const hours = rows.map((row) => new Date(Math.floor(row.minute.getTime() / HOUR_MS) * HOUR_MS));
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO function_metric_minutes (function_id, minute, throttles, concurrent_executions)
      SELECT * FROM unnest(${functionIds}::int[], ${rows.map((row) => row.minute)}::timestamptz[],
                           ${rows.map((row) => Math.round(row.throttles))}::int[], ${rows.map((row) => Math.round(row.concurrentExecutions))}::int[])
      ON CONFLICT (function_id, minute) DO UPDATE SET
        throttles = EXCLUDED.throttles, concurrent_executions = EXCLUDED.concurrent_executions`,
    prisma.$executeRaw`
      INSERT INTO function_metric_hours (function_id, hour, throttles, concurrent_executions)
      SELECT touched.function_id, touched.hour, sum(m.throttles)::int, max(m.concurrent_executions)
        FROM (SELECT DISTINCT * FROM unnest(${functionIds}::int[], ${hours}::timestamptz[]) AS touched(function_id, hour)) touched
        JOIN function_metric_minutes m
          ON m.function_id = touched.function_id AND m.minute >= touched.hour AND m.minute < touched.hour + interval '1 hour'
       GROUP BY 1, 2
       ORDER BY 1, 2
      ON CONFLICT (function_id, hour) DO UPDATE SET
        throttles = EXCLUDED.throttles, concurrent_executions = EXCLUDED.concurrent_executions`,
  ]);
}
