-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "endpoint" TEXT,
    "profile" TEXT,
    "role_arn" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "functions" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "runtime" TEXT,
    "memory_size_mb" INTEGER NOT NULL,
    "timeout_seconds" INTEGER NOT NULL,
    "architecture" TEXT NOT NULL DEFAULT 'x86_64',
    "reserved_concurrency" INTEGER,
    "provisioned_concurrency" INTEGER,
    "log_format" TEXT NOT NULL DEFAULT 'Text',
    "log_group_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "functions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "log_group_states" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "log_group_name" TEXT NOT NULL,
    "checkpoint_ms" BIGINT NOT NULL,
    "backfill_start_ms" BIGINT NOT NULL,
    "backfill_done" BOOLEAN NOT NULL DEFAULT false,
    "events_ingested" BIGINT NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "last_polled_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "log_group_states_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raw_events" (
    "source_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "log_group_name" TEXT NOT NULL,
    "log_stream_name" TEXT NOT NULL,
    "function_id" INTEGER,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "request_id" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "raw_events_pkey" PRIMARY KEY ("source_id","event_id")
);

-- CreateTable
CREATE TABLE "attempts" (
    "id" SERIAL NOT NULL,
    "function_id" INTEGER NOT NULL,
    "request_id" TEXT NOT NULL,
    "log_stream_name" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "version" TEXT,
    "duration_ms" DOUBLE PRECISION,
    "billed_duration_ms" INTEGER,
    "memory_size_mb" INTEGER,
    "max_memory_used_mb" INTEGER,
    "init_duration_ms" DOUBLE PRECISION,
    "restore_duration_ms" DOUBLE PRECISION,
    "cold_start" BOOLEAN NOT NULL DEFAULT false,
    "init_type" TEXT,
    "xray_trace_id" TEXT,
    "error_type" TEXT,
    "error_message" TEXT,
    "error_stack" TEXT,

    CONSTRAINT "attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invocations" (
    "function_id" INTEGER NOT NULL,
    "request_id" TEXT NOT NULL,
    "attempt_count" INTEGER NOT NULL,
    "first_start_at" TIMESTAMPTZ(3) NOT NULL,
    "last_end_at" TIMESTAMPTZ(3),
    "final_status" TEXT NOT NULL,

    CONSTRAINT "invocations_pkey" PRIMARY KEY ("function_id","request_id")
);

-- CreateTable
CREATE TABLE "function_minutes" (
    "function_id" INTEGER NOT NULL,
    "minute" TIMESTAMPTZ(0) NOT NULL,
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

    CONSTRAINT "function_minutes_pkey" PRIMARY KEY ("function_id","minute")
);

-- CreateTable
CREATE TABLE "function_metric_minutes" (
    "function_id" INTEGER NOT NULL,
    "minute" TIMESTAMPTZ(0) NOT NULL,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "concurrent_executions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "function_metric_minutes_pkey" PRIMARY KEY ("function_id","minute")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_name_key" ON "sources"("name");

-- CreateIndex
CREATE UNIQUE INDEX "functions_source_id_name_key" ON "functions"("source_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "log_group_states_source_id_log_group_name_key" ON "log_group_states"("source_id", "log_group_name");

-- CreateIndex
CREATE INDEX "raw_events_function_id_request_id_idx" ON "raw_events"("function_id", "request_id");

-- CreateIndex
CREATE INDEX "raw_events_timestamp_idx" ON "raw_events"("timestamp");

-- CreateIndex
CREATE INDEX "attempts_function_id_started_at_idx" ON "attempts"("function_id", "started_at");

-- CreateIndex
CREATE INDEX "attempts_request_id_idx" ON "attempts"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "attempts_function_id_log_stream_name_request_id_started_at_key" ON "attempts"("function_id", "log_stream_name", "request_id", "started_at");

-- CreateIndex
CREATE INDEX "invocations_first_start_at_idx" ON "invocations"("first_start_at");

-- AddForeignKey
ALTER TABLE "functions" ADD CONSTRAINT "functions_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "log_group_states" ADD CONSTRAINT "log_group_states_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invocations" ADD CONSTRAINT "invocations_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "function_minutes" ADD CONSTRAINT "function_minutes_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "function_metric_minutes" ADD CONSTRAINT "function_metric_minutes_function_id_fkey" FOREIGN KEY ("function_id") REFERENCES "functions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
