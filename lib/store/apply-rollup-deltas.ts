import { Prisma } from '../db/generated/client';
import { addSample } from '../histogram/duration-histogram';
import { encodeHistogramText } from '../histogram/encode-histogram';
import { mergeHistogramText } from '../histogram/merge-histogram-text';
import { addRollupCounts } from './rollup-counts';
import type { RollupDelta } from './rollup-delta';
import type { Transaction } from './store-types';

/** The two grains every delta is written at: long ranges read the hours, the minutes fill in their edges. */
const GRAINS = [
  { table: Prisma.raw('function_minutes'), column: Prisma.raw('minute'), periodMs: 60_000 },
  { table: Prisma.raw('function_hours'), column: Prisma.raw('hour'), periodMs: 3_600_000 },
] as const;

type Grain = (typeof GRAINS)[number];

/** A period's combined delta: `start` is the minute or hour it adds to. */
type PeriodDelta = Omit<RollupDelta, 'minute'> & { start: Date };

/**
 * Adds deltas to a function's minute rollups and to its hour rollups, in the caller's transaction
 * so the two always agree. Minutes before hours, each in time order: concurrent writers lock rows in
 * the same order and cannot deadlock.
 */
export async function applyRollupDeltas(tx: Transaction, functionId: number, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  for (const grain of GRAINS) await applyToGrain(tx, functionId, grain, combineByPeriod(deltas, grain.periodMs));
}

/**
 * Three statements per grain: every row is created empty if missing, then all are locked, then
 * updated at once (histograms merged here). Two writers of the same period queue on the lock
 * instead of overwriting each other's histogram.
 */
async function applyToGrain(tx: Transaction, functionId: number, grain: Grain, combined: readonly PeriodDelta[]): Promise<void> {
  const { table, column } = grain;
  const starts = combined.map((delta) => delta.start.toISOString());
  await tx.$executeRaw`
    INSERT INTO ${table} (function_id, ${column}, duration_histogram)
    SELECT ${functionId}, p.start, '0' FROM unnest(${starts}::timestamptz[]) AS p(start) ORDER BY p.start
    ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ start: Date; duration_histogram: string }>>`
    SELECT ${column} AS start, duration_histogram FROM ${table}
     WHERE function_id = ${functionId} AND ${column} = ANY(${starts}::timestamptz[])
     ORDER BY ${column}
       FOR UPDATE`;
  const stored = new Map(rows.map((row) => [row.start.getTime(), row.duration_histogram]));
  const histograms = combined.map((delta) => {
    const histogram = mergeHistogramText(stored.get(delta.start.getTime()) ?? '0');
    for (const duration of delta.durations) addSample(histogram, duration);
    return encodeHistogramText(histogram);
  });
  const values = <T>(pick: (delta: PeriodDelta) => T): T[] => combined.map(pick);
  await tx.$executeRaw`
    UPDATE ${table} f SET
      invocations = f.invocations + d.invocations,
      errors = f.errors + d.errors,
      timeouts = f.timeouts + d.timeouts,
      out_of_memory = f.out_of_memory + d.out_of_memory,
      cold_starts = f.cold_starts + d.cold_starts,
      retries = f.retries + d.retries,
      duration_sum_ms = f.duration_sum_ms + d.duration_sum_ms,
      billed_gb_seconds = f.billed_gb_seconds + d.billed_gb_seconds,
      init_duration_sum_ms = f.init_duration_sum_ms + d.init_duration_sum_ms,
      max_memory_used_mb = GREATEST(f.max_memory_used_mb, d.max_memory_used_mb),
      duration_histogram = d.duration_histogram
      FROM unnest(
        ${starts}::timestamptz[], ${values((d) => d.invocations)}::int[], ${values((d) => d.errors)}::int[],
        ${values((d) => d.timeouts)}::int[], ${values((d) => d.outOfMemory)}::int[], ${values((d) => d.coldStarts)}::int[],
        ${values((d) => d.retries)}::int[], ${values((d) => d.durationSumMs)}::float8[], ${values((d) => d.billedGbSeconds)}::float8[],
        ${values((d) => d.initDurationSumMs)}::float8[], ${values((d) => d.maxMemoryUsedMB)}::int[], ${histograms}::text[]
      ) AS d(start, invocations, errors, timeouts, out_of_memory, cold_starts, retries, duration_sum_ms, billed_gb_seconds,
             init_duration_sum_ms, max_memory_used_mb, duration_histogram)
     WHERE f.function_id = ${functionId} AND f.${column} = d.start`;
}

function combineByPeriod(deltas: readonly RollupDelta[], periodMs: number): PeriodDelta[] {
  const byPeriod = new Map<number, PeriodDelta>();
  for (const { minute, ...delta } of deltas) {
    const startMs = Math.floor(minute.getTime() / periodMs) * periodMs;
    const current = byPeriod.get(startMs);
    if (!current) {
      byPeriod.set(startMs, { ...delta, start: new Date(startMs), durations: [...delta.durations] });
      continue;
    }
    addRollupCounts(current, delta);
    current.durations.push(...delta.durations);
  }
  return [...byPeriod.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}
