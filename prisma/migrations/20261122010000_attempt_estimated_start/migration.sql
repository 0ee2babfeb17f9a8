-- AlterTable
ALTER TABLE "attempts" ADD COLUMN     "started_at_estimated" BOOLEAN NOT NULL DEFAULT false;
