-- The search box finds attempts by X-Ray trace id: without an index that was a scan of every attempt.
-- CreateIndex
CREATE INDEX "attempts_xray_trace_id_idx" ON "attempts"("xray_trace_id");
