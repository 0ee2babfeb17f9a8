import { addSample } from '../histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../histogram/encode-histogram';
import type { RollupDelta } from './rollup-delta';
import type { Transaction } from './store-types';

/**
 * Adds deltas to a function's minute rollups in three statements: every row is created empty if
 * missing, then all are locked, then updated at once (histograms merged here). Two writers of the
 * same minute queue on the lock instead of overwriting each other's histogram; minutes are locked
 * in order so concurrent writers cannot deadlock.
 */
export async function applyRollupDeltas(tx: Transaction, functionId: number, deltas: readonly RollupDelta[]): Promise<void> {
  const combined = combineByMinute(deltas);
  if (combined.length === 0) return;
  const minutes = combined.map((delta) => delta.minute.toISOString());
  await tx.$executeRaw`
    INSERT INTO function_minutes (function_id, minute, duration_histogram)
    SELECT ${functionId}, m.minute, ARRAY[0]::int[] FROM unnest(${minutes}::timestamptz[]) AS m(minute) ORDER BY m.minute
    ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ minute: Date; duration_histogram: number[] | null }>>`
    SELECT minute, duration_histogram FROM function_minutes
     WHERE function_id = ${functionId} AND minute = ANY(${minutes}::timestamptz[])
     ORDER BY minute
       FOR UPDATE`;
  const stored = new Map(rows.map((row) => [row.minute.getTime(), row.duration_histogram]));
  const histograms = combined.map((delta) => {
    const histogram = decodeHistogramBuckets(stored.get(delta.minute.getTime()) ?? [0]);
    for (const duration of delta.durations) addSample(histogram, duration);
    return `{${encodeHistogramBuckets(histogram).join(',')}}`;
  });
  const column = <T>(pick: (delta: RollupDelta) => T): T[] => combined.map(pick);
  await tx.$executeRaw`
    UPDATE function_minutes f SET
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
      duration_histogram = d.duration_histogram::int[]
      FROM unnest(
        ${minutes}::timestamptz[], ${column((d) => d.invocations)}::int[], ${column((d) => d.errors)}::int[],
        ${column((d) => d.timeouts)}::int[], ${column((d) => d.outOfMemory)}::int[], ${column((d) => d.coldStarts)}::int[],
        ${column((d) => d.retries)}::int[], ${column((d) => d.durationSumMs)}::float8[], ${column((d) => d.billedGbSeconds)}::float8[],
        ${column((d) => d.initDurationSumMs)}::float8[], ${column((d) => d.maxMemoryUsedMB)}::int[], ${histograms}::text[]
      ) AS d(minute, invocations, errors, timeouts, out_of_memory, cold_starts, retries, duration_sum_ms, billed_gb_seconds,
             init_duration_sum_ms, max_memory_used_mb, duration_histogram)
     WHERE f.function_id = ${functionId} AND f.minute = d.minute`;
}

function combineByMinute(deltas: readonly RollupDelta[]): RollupDelta[] {
  const byMinute = new Map<number, RollupDelta>();
  for (const delta of deltas) {
    const key = delta.minute.getTime();
    const current = byMinute.get(key);
    if (!current) {
      byMinute.set(key, { ...delta, durations: [...delta.durations] });
      continue;
    }
    current.invocations += delta.invocations;
    current.errors += delta.errors;
    current.timeouts += delta.timeouts;
    current.outOfMemory += delta.outOfMemory;
    current.coldStarts += delta.coldStarts;
    current.retries += delta.retries;
    current.durationSumMs += delta.durationSumMs;
    current.billedGbSeconds += delta.billedGbSeconds;
    current.initDurationSumMs += delta.initDurationSumMs;
    current.maxMemoryUsedMB = Math.max(current.maxMemoryUsedMB, delta.maxMemoryUsedMB);
    current.durations.push(...delta.durations);
  }
  return [...byMinute.values()].sort((a, b) => a.minute.getTime() - b.minute.getTime());
}

