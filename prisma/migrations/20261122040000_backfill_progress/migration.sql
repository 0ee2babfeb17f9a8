-- Backfill progress: the window's end (fixed by a log group's first poll) and when it began and finished,
-- so the CLI and the UI can show the share done and an ETA.
-- AlterTable
ALTER TABLE "log_group_states" ADD COLUMN     "backfill_end_ms" BIGINT,
ADD COLUMN     "backfill_finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "backfill_started_at" TIMESTAMPTZ(3);

-- Groups fed only by pushes have no backfill.
UPDATE "log_group_states" SET "backfill_done" = true
 WHERE "source_id" IN (SELECT "id" FROM "sources" WHERE "kind" = 'firehose');
