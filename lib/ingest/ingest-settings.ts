import type { AppConfig } from '../config';
import type { RetentionPolicy } from '../store/delete-expired-rows';
import type { IngestSettings } from './run-ingest-cycle';

/** The ingest settings the environment asks for (README: Configuration). */
export function ingestSettingsFrom(config: AppConfig): IngestSettings & { intervalMs: number; retention: RetentionPolicy } {
  return {
    backfillMs: config.LAMBDASCOPE_INGEST_BACKFILL_HOURS * 3_600_000,
    overlapMs: config.LAMBDASCOPE_INGEST_OVERLAP_SECONDS * 1000,
    // Renewed before every page: a worker that dies holds its groups for moments only.
    leaseMs: 30_000,
    metricsLookbackMs: 30 * 60_000,
    parallelism: config.LAMBDASCOPE_INGEST_PARALLELISM,
    logsCallsPerSecond: config.LAMBDASCOPE_LOGS_RATE_LIMIT,
    intervalMs: config.LAMBDASCOPE_INGEST_INTERVAL_SECONDS * 1000,
    retention: {
      rawEventsDays: config.LAMBDASCOPE_RETENTION_RAW_EVENTS_DAYS,
      attemptsDays: config.LAMBDASCOPE_RETENTION_ATTEMPTS_DAYS,
      rollupsDays: config.LAMBDASCOPE_RETENTION_ROLLUPS_DAYS,
    },
  };
}
