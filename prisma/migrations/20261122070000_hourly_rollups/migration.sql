-- Hourly rollups beside the minute ones, so a week or a month is read from 168 or 720 rows per
-- function instead of 10,080 or 43,200. The store writes both in the same transaction.
-- CreateTable
CREATE TABLE "function_hours" (
    "function_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "invocations" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "timeouts" INTEGER NOT NULL DEFAULT 0,
    "out_of_memory" INTEGER NOT NULL DEFAULT 0,
    "cold_starts" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "duration_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "billed_gb_seconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "init_duration_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "max_memory_used_mb" INTEGER NOT NULL DEFAULT 0,
    "duration_histogram" INTEGER[],

    CONSTRAINT "function_hours_pkey" PRIMARY KEY ("function_id","hour")
);

-- CreateTable
CREATE TABLE "function_metric_hours" (
    "function_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "concurrent_executions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "function_metric_hours_pkey" PRIMARY KEY ("function_id","hour")
);

-- AddForeignKey
ALTER TABLE "function_hours" ADD CONSTRAINT "function_hours_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "function_metric_hours" ADD CONSTRAINT "function_metric_hours_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hours are UTC hours, whatever the server's zone.
SET LOCAL TimeZone = 'UTC';

-- Existing minutes, regrouped by hour. A histogram is [zero count, index, count, index, count …]:
-- the pairs are summed per bucket index and laid out again in index order.
INSERT INTO "function_hours" ("function_id", "hour", "invocations", "errors", "timeouts", "out_of_memory", "cold_starts", "retries",
                              "duration_sum_ms", "billed_gb_seconds", "init_duration_sum_ms", "max_memory_used_mb", "duration_histogram")
SELECT totals.function_id, totals.hour, totals.invocations, totals.errors, totals.timeouts, totals.out_of_memory, totals.cold_starts,
       totals.retries, totals.duration_sum_ms, totals.billed_gb_seconds, totals.init_duration_sum_ms, totals.max_memory_used_mb,
       ARRAY[totals.zero_count] || COALESCE(buckets.pairs, ARRAY[]::int[])
  FROM (SELECT function_id, date_trunc('hour', "minute") AS hour,
               sum(invocations)::int AS invocations, sum(errors)::int AS errors, sum(timeouts)::int AS timeouts,
               sum(out_of_memory)::int AS out_of_memory, sum(cold_starts)::int AS cold_starts, sum(retries)::int AS retries,
               sum(duration_sum_ms) AS duration_sum_ms, sum(billed_gb_seconds) AS billed_gb_seconds,
               sum(init_duration_sum_ms) AS init_duration_sum_ms, max(max_memory_used_mb) AS max_memory_used_mb,
               COALESCE(sum(duration_histogram[1]), 0)::int AS zero_count
          FROM "function_minutes"
         GROUP BY 1, 2) totals
  LEFT JOIN (
        SELECT function_id, hour, array_agg(value ORDER BY bucket_index, part) AS pairs
          FROM (SELECT function_id, hour, bucket_index, sum(bucket_count)::int AS bucket_count
                  FROM (SELECT m.function_id, date_trunc('hour', m."minute") AS hour,
                               m.duration_histogram[position] AS bucket_index, m.duration_histogram[position + 1] AS bucket_count
                          FROM "function_minutes" m,
                               generate_series(2, COALESCE(array_length(m.duration_histogram, 1), 0) - 1, 2) AS position) pairs
                 GROUP BY 1, 2, 3) merged,
               LATERAL (VALUES (1, merged.bucket_index), (2, merged.bucket_count)) AS laid_out(part, value)
         GROUP BY 1, 2) buckets
    ON buckets.function_id = totals.function_id AND buckets.hour = totals.hour;

INSERT INTO "function_metric_hours" ("function_id", "hour", "throttles", "concurrent_executions")
SELECT function_id, date_trunc('hour', "minute"), sum(throttles)::int, max(concurrent_executions)
  FROM "function_metric_minutes"
 GROUP BY 1, 2;
