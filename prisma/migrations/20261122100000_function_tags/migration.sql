-- Functions' tags (read by discovery), and alert rules scoped by a tag.
-- AlterTable
ALTER TABLE "functions" ADD COLUMN     "tags" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "tag_key" TEXT,
ADD COLUMN     "tag_value" TEXT;
