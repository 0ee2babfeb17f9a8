import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyIn } from '../ingest/copy-protocol';
import { createCopyFile } from './copy-text';
import { createFleetCopyRows, type FleetStats } from './fleet-copy-rows';
import type { FleetFunction } from './fleet-profiles';
import type { FleetTimeline } from './generate-fleet-requests';
import { withoutIndexes } from './without-indexes';

export type SeedResult = {
  sourceId: number;
  /** Function ids in the fleet's order. */
  functionIds: number[];
  rows: Record<'attempts' | 'invocations' | 'function_minutes' | 'function_hours' | 'function_metric_minutes' | 'function_metric_hours', number>;
  stats: FleetStats;
  steps: Array<{ step: string; seconds: number }>;
};

const loadedTables = ['attempts', 'invocations', 'function_minutes', 'function_hours', 'function_metric_minutes'] as const;

/**
 * A fleet in a freshly migrated database: one source, the functions and their log groups (SQL),
 * then the attempts streamed into `COPY attempts FROM STDIN` as they are generated (Node generates
 * while Postgres parses: both cores busy), while invocations, minute and hour rollups and CloudWatch
 * metric minutes go to scratch files (fleet-copy-rows.ts), loaded afterwards with four COPYs at once;
 * metric hours are regrouped from the metric minutes in SQL, as lib/store does.
 * Keys and indexes are dropped for the load and rebuilt exactly as the migrations define them
 * (without-indexes.ts). VACUUM ANALYZE is left to the caller.
 */
export async function seedFleet(
  databaseUrl: string,
  fleet: readonly FleetFunction[],
  options: FleetTimeline & { onProgress?: (message: string) => void },
): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'lambdascope-bench-query-'));
  const removeScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  process.on('exit', removeScratch);
  const steps: SeedResult['steps'] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    steps.push({ step: name, seconds });
    options.onProgress?.(`${name}: ${seconds.toFixed(1)} s`);
    return result;
  };
  try {
    await client.query(`SET maintenance_work_mem = '2GB'; SET max_parallel_maintenance_workers = 2; SET synchronous_commit = off; SET TimeZone = 'UTC'`);
    const { sourceId, functionIds } = await insertFleet(client, fleet, options.endMs);
    const files = {
      invocations: createCopyFile(path.join(scratchDir, 'invocations.copy')),
      function_minutes: createCopyFile(path.join(scratchDir, 'function_minutes.copy')),
      function_hours: createCopyFile(path.join(scratchDir, 'function_hours.copy')),
      function_metric_minutes: createCopyFile(path.join(scratchDir, 'function_metric_minutes.copy')),
    };
    const rows = { attempts: 0, invocations: 0, function_minutes: 0, function_hours: 0, function_metric_minutes: 0, function_metric_hours: 0 };
    const generated = createFleetCopyRows(fleet, functionIds, options, files);
    const rebuildSeconds = await withoutIndexes(client, loadedTables, async () => {
      rows.attempts = await step(`attempts: ${options.attempts.toLocaleString('en-US')} generated and COPY'd`, () =>
        copyIn(
          client,
          `COPY attempts (id, function_id, request_id, log_stream_name, started_at, ended_at, status, version, duration_ms, billed_duration_ms,
                          memory_size_mb, max_memory_used_mb, init_duration_ms, cold_start, init_type, xray_trace_id, error_type, error_message, error_stack)
             FROM STDIN`,
          generated.attempts,
        ),
      );
      for (const file of Object.values(files)) file.close();
      const [invocations, minutes, hours, metricMinutes] = await step('invocations, function_minutes, function_hours, function_metric_minutes: COPY, four at once', () =>
        Promise.all(Object.entries(files).map(([table, file]) => copyFile(databaseUrl, table, file.path))),
      );
      rows.invocations = invocations ?? 0;
      rows.function_minutes = minutes ?? 0;
      rows.function_hours = hours ?? 0;
      rows.function_metric_minutes = metricMinutes ?? 0;
      options.onProgress?.('rebuilding keys, indexes and foreign keys…');
    });
    steps.push({ step: 'keys, indexes, foreign keys rebuilt', seconds: rebuildSeconds });
    options.onProgress?.(`keys, indexes, foreign keys rebuilt: ${rebuildSeconds.toFixed(1)} s`);
    rows.function_metric_hours = await step('function_metric_hours: regrouped from the metric minutes', async () =>
      (await client.query(`
        INSERT INTO function_metric_hours (function_id, hour, throttles, concurrent_executions)
        SELECT function_id, date_trunc('hour', minute), sum(throttles)::int, max(concurrent_executions)
          FROM function_metric_minutes GROUP BY 1, 2`)).rowCount ?? 0,
    );
    await client.query(`SELECT setval('attempts_id_seq', $1)`, [rows.attempts]);
    return { sourceId, functionIds, rows, stats: generated.stats, steps };
  } finally {
    await client.end();
    removeScratch();
    process.off('exit', removeScratch);
  }
}

async function copyFile(databaseUrl: string, table: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    return await copyIn(client, `COPY ${table} FROM STDIN`, createReadStream(file, { highWaterMark: 1 << 20 }));
  } finally {
    await client.end();
  }
}

async function insertFleet(client: pg.Client, fleet: readonly FleetFunction[], endMs: number): Promise<{ sourceId: number; functionIds: number[] }> {
  const { rows: sources } = await client.query<{ id: number }>(
    `INSERT INTO sources (name, kind, region, updated_at) VALUES ('bench-fleet', 'aws', 'us-east-1', now()) RETURNING id`,
  );
  const sourceId = (sources[0] as { id: number }).id;
  const column = <T>(pick: (fn: FleetFunction) => T): T[] => fleet.map(pick);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO functions (source_id, name, arn, runtime, memory_size_mb, timeout_seconds, architecture, reserved_concurrency, log_format,
                            log_group_name, max_retry_attempts, updated_at)
     SELECT $1, f.name, 'arn:aws:lambda:us-east-1:123456789012:function:' || f.name, f.runtime, f.memory, f.timeout, f.architecture, f.reserved,
            CASE WHEN f.position % 4 = 0 THEN 'JSON' ELSE 'Text' END, '/aws/lambda/' || f.name, CASE WHEN f.async THEN 2 END, now()
       FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::boolean[]) WITH ORDINALITY
            AS f(name, runtime, memory, timeout, architecture, reserved, async, position)
      ORDER BY f.position
     RETURNING id`,
    [
      sourceId,
      column((fn) => fn.name),
      column((fn) => fn.runtime),
      column((fn) => fn.memorySizeMB),
      column((fn) => fn.timeoutSeconds),
      column((fn) => fn.architecture),
      column((fn) => fn.reservedConcurrency),
      column((fn) => fn.async),
    ],
  );
  // Every log group polled a moment ago, its backfill done: the overview's source health reads real rows.
  await client.query(
    `INSERT INTO log_group_states (source_id, log_group_name, checkpoint_ms, backfill_start_ms, backfill_end_ms, backfill_done,
                                   backfill_started_at, backfill_finished_at, last_polled_at)
     SELECT source_id, log_group_name, $2, $3, $4, true, now(), now(), now() FROM functions WHERE source_id = $1`,
    [sourceId, endMs - 30_000, endMs - 30 * 86_400_000, endMs - 29 * 86_400_000],
  );
  return { sourceId, functionIds: rows.map((row) => row.id) };
}
