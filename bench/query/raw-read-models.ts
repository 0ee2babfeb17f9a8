import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { NotFoundError } from '../../lib/errors';
import { arrangeFunctionSummaries, type OverviewSort } from '../../lib/metrics/arrange-function-summaries';
import { chooseSeriesBucket } from '../../lib/metrics/choose-series-bucket';
import { estimateCost } from '../../lib/metrics/estimate-cost';
import { SPARKLINE_POINTS, type FleetOverview } from '../../lib/metrics/get-fleet-overview';
import { toSeriesFunction, type FunctionSeries } from '../../lib/metrics/get-function-series';
import type { InvocationPage } from '../../lib/metrics/list-function-invocations';
import { sparklineSlotOf, sparklineSlots, type Sparkline } from '../../lib/metrics/list-function-sparklines';
import type { FunctionRow, FunctionSummary } from '../../lib/metrics/list-function-summaries';
import { listSourceHealth } from '../../lib/metrics/list-source-health';
import type { TimeRange } from '../../lib/metrics/parse-time-range';
import type { SeriesPoint } from '../../lib/metrics/shape-series';
import { withoutJit } from '../../lib/metrics/without-jit';
import { describeOutcome } from '../../lib/metrics/describe-outcome';
import type { RollupTotalsRow } from '../../lib/metrics/rollup-totals';

/**
 * The baselines: the same answers as lib/metrics' read models, computed from the raw attempts
 * instead of the minute rollups — what a dashboard without rollups would run. Counts are counted,
 * percentiles come from percentile_disc (the nearest rank, which is what the histogram estimates:
 * percentile_cont would interpolate and cost the same), a retry is an attempt whose request has an
 * earlier one (EXISTS on the request id index). Throttles and concurrency only exist as CloudWatch
 * minutes and source health only as log group rows: those parts are read as the read models read
 * them. Each query is written to use the indexes the schema has, and runs without JIT, as the
 * read models do.
 */

const EPOCH = new Date(0);
/** An attempt counts in the minute it started: a minute before `until` may hold attempts after it. */
const startedBefore = (until: Date) => new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
const firstMinuteOf = (since: Date) => new Date(Math.floor(since.getTime() / 60_000) * 60_000);

type SeriesRow = {
  start: Date;
  invocations: number;
  errors: number;
  timeouts: number;
  out_of_memory: number;
  cold_starts: number;
  retries: number;
  billed_gb_seconds: number;
  init_duration_sum_ms: number;
  max_memory_used_mb: number;
  timed: number;
  percentiles: number[] | null;
};

/** getFunctionSeries from raw attempts. */
export async function rawFunctionSeries(prisma: PrismaClient, options: { functionId: number; range: TimeRange }): Promise<FunctionSeries> {
  const { functionId, range } = options;
  const bucketMs = chooseSeriesBucket(range.until.getTime() - range.since.getTime());
  const width = `${bucketMs / 60_000} minutes`;
  const [fn, rows, metricRows] = await Promise.all([
    prisma.lambdaFunction.findUnique({ where: { id: functionId }, include: { source: { select: { id: true, name: true, region: true } } } }),
    withoutJit(
      prisma,
      prisma.$queryRaw<SeriesRow[]>`
        SELECT date_bin(${width}::interval, a.started_at, ${EPOCH}::timestamptz) AS start,
               count(*)::float8 AS invocations,
               count(*) FILTER (WHERE a.status NOT IN ('success', 'running'))::float8 AS errors,
               count(*) FILTER (WHERE a.status = 'timeout')::float8 AS timeouts,
               count(*) FILTER (WHERE a.status = 'out_of_memory')::float8 AS out_of_memory,
               count(*) FILTER (WHERE a.cold_start)::float8 AS cold_starts,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attempts b
                                               WHERE b.request_id = a.request_id AND b.function_id = a.function_id AND b.started_at < a.started_at))::float8 AS retries,
               coalesce(sum(coalesce(a.billed_duration_ms, 0) / 1000::float8 * (coalesce(a.memory_size_mb, 0) / 1024::float8)), 0) AS billed_gb_seconds,
               coalesce(sum(a.init_duration_ms), 0)::float8 AS init_duration_sum_ms,
               coalesce(max(a.max_memory_used_mb), 0)::int AS max_memory_used_mb,
               count(a.duration_ms)::float8 AS timed,
               percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY a.duration_ms) AS percentiles
          FROM attempts a
         WHERE a.function_id = ${functionId} AND a.started_at >= ${firstMinuteOf(range.since)} AND a.started_at < ${startedBefore(range.until)}
           AND a.status <> 'running'
         GROUP BY 1`,
    ),
    withoutJit(
      prisma,
      prisma.$queryRaw<Array<{ start: Date; throttles: number; max_concurrency: number }>>`
        SELECT date_bin(${width}::interval, minute, ${EPOCH}::timestamptz) AS start,
               sum(throttles)::float8 AS throttles, max(concurrent_executions)::int AS max_concurrency
          FROM function_metric_minutes
         WHERE function_id = ${functionId} AND minute >= ${firstMinuteOf(range.since)} AND minute < ${range.until}
         GROUP BY 1`,
    ),
  ]);
  if (!fn) throw new NotFoundError(`No function with id ${functionId}`, 'functionId');
  const byStart = new Map(rows.map((row) => [row.start.getTime(), row]));
  const metrics = new Map(metricRows.map((row) => [row.start.getTime(), row]));
  const points: SeriesPoint[] = [];
  for (let start = Math.floor(range.since.getTime() / bucketMs) * bucketMs; start < range.until.getTime(); start += bucketMs) {
    const row = byStart.get(start);
    const metric = metrics.get(start);
    const percentile = (index: number) => (row && row.timed > 0 ? (row.percentiles?.[index] ?? null) : null);
    points.push({
      start: new Date(start).toISOString(),
      invocations: row?.invocations ?? 0,
      errors: row?.errors ?? 0,
      timeouts: row?.timeouts ?? 0,
      outOfMemory: row?.out_of_memory ?? 0,
      throttles: metric?.throttles ?? 0,
      coldStarts: row?.cold_starts ?? 0,
      retries: row?.retries ?? 0,
      durationMs: { p50: percentile(0), p95: percentile(1), p99: percentile(2) },
      averageInitDurationMs: row && row.cold_starts > 0 ? row.init_duration_sum_ms / row.cold_starts : null,
      maxMemoryUsedMB: row && row.max_memory_used_mb > 0 ? row.max_memory_used_mb : null,
      maxConcurrency: metric?.max_concurrency ?? null,
      costUsd: row ? estimateCost({ requests: row.invocations, gbSeconds: row.billed_gb_seconds, architecture: fn.architecture, region: fn.source.region }).totalUsd : 0,
    });
  }
  return {
    function: toSeriesFunction(fn),
    since: range.since,
    until: range.until,
    bucketMs,
    points,
  };
}

type InvocationRow = {
  request_id: string;
  attempt_count: number;
  first_start_at: Date;
  last_end_at: Date | null;
  final_status: string;
  duration_ms: number | null;
  cold_start: boolean;
  version: string | null;
  error_type: string | null;
  error_message: string | null;
};

/** listFunctionInvocations' first page (no filters) from raw attempts: grouped by request id, newest first. */
export async function rawFunctionInvocations(prisma: PrismaClient, options: { functionId: number; range: TimeRange; limit: number }): Promise<InvocationPage> {
  const { functionId, range, limit } = options;
  const [rows, fn] = await Promise.all([
    withoutJit(
      prisma,
      prisma.$queryRaw<InvocationRow[]>`
        SELECT request_id, count(*)::int AS attempt_count, min(started_at) AS first_start_at, max(ended_at) AS last_end_at,
               (array_agg(status ORDER BY started_at DESC))[1] AS final_status,
               (array_agg(duration_ms ORDER BY started_at DESC, id DESC))[1] AS duration_ms,
               bool_or(cold_start) AS cold_start,
               (array_agg(version ORDER BY started_at DESC, id DESC))[1] AS version,
               (array_agg(error_type ORDER BY started_at DESC, id DESC) FILTER (WHERE status NOT IN ('success', 'running')))[1] AS error_type,
               (array_agg(error_message ORDER BY started_at DESC, id DESC) FILTER (WHERE status NOT IN ('success', 'running')))[1] AS error_message
          FROM attempts
         WHERE function_id = ${functionId} AND started_at >= ${range.since} AND started_at < ${range.until}
         GROUP BY request_id
         -- A retry in the range whose request began before it is not an invocation of the range.
         HAVING NOT EXISTS (SELECT 1 FROM attempts b WHERE b.function_id = ${functionId} AND b.request_id = attempts.request_id AND b.started_at < ${range.since})
         ORDER BY min(started_at) DESC, request_id DESC
         LIMIT ${limit + 1}`,
    ),
    prisma.lambdaFunction.findUnique({ where: { id: functionId }, select: { maxRetryAttempts: true, onFailureDestination: true, deadLetterTarget: true } }),
  ]);
  return {
    items: rows.slice(0, limit).map((row) => ({
      requestId: row.request_id,
      attemptCount: row.attempt_count,
      firstStartAt: row.first_start_at,
      lastEndAt: row.last_end_at,
      finalStatus: row.final_status,
      outcome: describeOutcome({ attemptCount: row.attempt_count, finalStatus: row.final_status }, fn ?? undefined),
      durationMs: row.duration_ms,
      coldStart: row.cold_start,
      version: row.version,
      errorType: row.error_type,
      errorMessage: row.error_message,
    })),
    // Not needed for a first page's timing; the cursor format belongs to the read model.
    nextCursor: null,
  };
}

/** The rollups' totals row, with exact percentiles in place of histograms. */
type TotalsRow = Omit<RollupTotalsRow, 'histograms'> & { function_id: number; timed: number; percentiles: number[] | null };

/** getFleetOverview from raw attempts: totals and percentiles grouped by function, sparklines grouped by function and slot. */
export async function rawFleetOverview(
  prisma: PrismaClient,
  options: { range: TimeRange; sort: OverviewSort; dir: 'asc' | 'desc'; filter: string },
): Promise<FleetOverview> {
  const { range } = options;
  const firstMinute = firstMinuteOf(range.since);
  const before = startedBefore(range.until);
  const sparklineGrid = sparklineSlots(range, SPARKLINE_POINTS);
  const [functions, totals, throttles, slots, sources] = await Promise.all([
    prisma.$queryRaw<FunctionRow[]>`
      SELECT f.id, f.name, f.arn, f.runtime, f.architecture, f.memory_size_mb, f.deleted_at, s.id AS source_id, s.name AS source_name, s.region
        FROM functions f JOIN sources s ON s.id = f.source_id
       ORDER BY s.name, f.name`,
    withoutJit(
      prisma,
      prisma.$queryRaw<TotalsRow[]>`
        SELECT a.function_id, count(*)::float8 AS invocations,
               count(*) FILTER (WHERE a.status NOT IN ('success', 'running'))::float8 AS errors,
               count(*) FILTER (WHERE a.status = 'timeout')::float8 AS timeouts,
               count(*) FILTER (WHERE a.status = 'out_of_memory')::float8 AS out_of_memory,
               count(*) FILTER (WHERE a.cold_start)::float8 AS cold_starts,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attempts b
                                               WHERE b.request_id = a.request_id AND b.function_id = a.function_id AND b.started_at < a.started_at))::float8 AS retries,
               coalesce(sum(a.duration_ms), 0)::float8 AS duration_sum_ms, count(a.duration_ms)::float8 AS timed,
               coalesce(sum(coalesce(a.billed_duration_ms, 0) / 1000::float8 * (coalesce(a.memory_size_mb, 0) / 1024::float8)), 0) AS billed_gb_seconds,
               coalesce(sum(a.init_duration_ms), 0)::float8 AS init_duration_sum_ms, max(a.max_memory_used_mb) AS max_memory_used_mb,
               percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY a.duration_ms) AS percentiles
          FROM attempts a
         WHERE a.function_id = ANY(ARRAY(SELECT id FROM functions)) AND a.started_at >= ${firstMinute} AND a.started_at < ${before}
           AND a.status <> 'running'
         GROUP BY a.function_id`,
    ),
    withoutJit(
      prisma,
      prisma.$queryRaw<Array<{ function_id: number; throttles: number }>>`
        SELECT function_id, sum(throttles)::float8 AS throttles FROM function_metric_minutes
         WHERE function_id = ANY(ARRAY(SELECT id FROM functions)) AND minute >= ${firstMinute} AND minute < ${range.until}
         GROUP BY function_id`,
    ),
    withoutJit(
      prisma,
      // Attempts in the sparkline's slots, by start minute: sparklineSlotOf places them as it places the rollups.
      prisma.$queryRaw<Array<{ function_id: number; minute: Date; invocations: number; errors: number }>>`
        SELECT function_id, date_trunc('minute', started_at) AS minute,
               count(*)::float8 AS invocations, count(*) FILTER (WHERE status NOT IN ('success', 'running'))::float8 AS errors
          FROM attempts
         WHERE function_id = ANY(ARRAY(SELECT id FROM functions)) AND started_at >= ${new Date(sparklineGrid.fromMs)}
           AND started_at < ${startedBefore(new Date(sparklineGrid.untilMs))} AND status <> 'running'
         GROUP BY 1, 2`,
    ),
    listSourceHealth(prisma, { now: range.until.getTime() }),
  ]);
  const totalsOf = new Map(totals.map((row) => [row.function_id, row]));
  const throttlesOf = new Map(throttles.map((row) => [row.function_id, row.throttles]));
  const sparklines = new Map<number, Sparkline>();
  for (const row of slots) {
    let sparkline = sparklines.get(row.function_id);
    if (!sparkline) sparklines.set(row.function_id, (sparkline = { invocations: new Array<number>(SPARKLINE_POINTS).fill(0), errors: new Array<number>(SPARKLINE_POINTS).fill(0) }));
    const slot = sparklineSlotOf(sparklineGrid, SPARKLINE_POINTS, row.minute.getTime());
    sparkline.invocations[slot] = (sparkline.invocations[slot] ?? 0) + row.invocations;
    sparkline.errors[slot] = (sparkline.errors[slot] ?? 0) + row.errors;
  }
  const summaries: FunctionSummary[] = functions
    .filter((fn) => fn.deleted_at === null || totalsOf.has(fn.id) || throttlesOf.has(fn.id))
    .map((fn) => {
      const own = totalsOf.get(fn.id);
      const invocations = own?.invocations ?? 0;
      const coldStarts = own?.cold_starts ?? 0;
      const rate = (count: number) => (invocations === 0 ? null : (100 * count) / invocations);
      const percentile = (index: number) => (own && own.timed > 0 ? (own.percentiles?.[index] ?? null) : null);
      return {
        function: { id: fn.id, name: fn.name, arn: fn.arn, runtime: fn.runtime, architecture: fn.architecture, memorySizeMB: fn.memory_size_mb, deleted: fn.deleted_at !== null },
        source: { id: fn.source_id, name: fn.source_name, region: fn.region },
        invocations,
        errors: own?.errors ?? 0,
        errorRate: rate(own?.errors ?? 0),
        timeouts: own?.timeouts ?? 0,
        outOfMemory: own?.out_of_memory ?? 0,
        throttles: throttlesOf.get(fn.id) ?? 0,
        coldStarts,
        coldStartRate: rate(coldStarts),
        retries: own?.retries ?? 0,
        durationMs: { average: own && own.timed > 0 ? own.duration_sum_ms / own.timed : null, p50: percentile(0), p95: percentile(1), p99: percentile(2) },
        averageInitDurationMs: coldStarts === 0 ? null : (own?.init_duration_sum_ms ?? 0) / coldStarts,
        maxMemoryUsedMB: own?.max_memory_used_mb ?? null,
        billedGbSeconds: own?.billed_gb_seconds ?? 0,
        cost: estimateCost({ requests: invocations, gbSeconds: own?.billed_gb_seconds ?? 0, architecture: fn.architecture, region: fn.region }),
      };
    });
  const flat: Sparkline = { invocations: new Array<number>(SPARKLINE_POINTS).fill(0), errors: new Array<number>(SPARKLINE_POINTS).fill(0) };
  return {
    since: range.since,
    until: range.until,
    functions: arrangeFunctionSummaries(summaries, { sort: options.sort, direction: options.dir, filter: options.filter }).map((summary) => ({
      ...summary,
      sparkline: sparklines.get(summary.function.id) ?? flat,
    })),
    sources,
  };
}
