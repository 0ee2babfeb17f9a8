-- Duration histograms as the text they are read as ("zero count,index,count,index,count…"): reads
-- concatenate them with string_agg instead of formatting int[] on every read (a week of the fleet's
-- hours: 170 → 50 ms in Postgres).
-- AlterTable
ALTER TABLE "function_minutes" ALTER COLUMN "duration_histogram" SET DATA TYPE TEXT USING COALESCE(array_to_string("duration_histogram", ','), '0'),
ALTER COLUMN "duration_histogram" SET NOT NULL,
ALTER COLUMN "duration_histogram" SET DEFAULT '0';

-- AlterTable
ALTER TABLE "function_hours" ALTER COLUMN "duration_histogram" SET DATA TYPE TEXT USING COALESCE(array_to_string("duration_histogram", ','), '0'),
ALTER COLUMN "duration_histogram" SET NOT NULL,
ALTER COLUMN "duration_histogram" SET DEFAULT '0';
