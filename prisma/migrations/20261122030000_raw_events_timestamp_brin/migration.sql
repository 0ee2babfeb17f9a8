-- Raw events arrive in time order, so a BRIN index serves retention and time-bounded scans at a
-- fraction of a B-tree's cost on every insert (the hot path of ingestion).
-- DropIndex
DROP INDEX "raw_events_timestamp_idx";

-- CreateIndex
CREATE INDEX "raw_events_timestamp_idx" ON "raw_events" USING BRIN ("timestamp");
