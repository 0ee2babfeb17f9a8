-- What happens to a failed asynchronous event: retries allowed, on-failure destination, dead-letter queue.
-- AlterTable
ALTER TABLE "functions" ADD COLUMN     "dead_letter_target" TEXT,
ADD COLUMN     "max_retry_attempts" INTEGER,
ADD COLUMN     "on_failure_destination" TEXT;
