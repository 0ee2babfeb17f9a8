import { addSample } from '../histogram/duration-histogram';
import { decodeHistogramBuckets, encodeHistogramBuckets } from '../histogram/encode-histogram';
import type { RollupDelta } from './rollup-delta';
import type { Transaction } from './store-types';

/**
 * Adds deltas to a function's minute rollups. Each row is created empty if missing, then locked,
 * then updated: two writers of the same minute queue on the lock instead of overwriting each
 * other's histogram. Minutes are taken in order so concurrent writers cannot deadlock.
 */
export async function applyRollupDeltas(tx: Transaction, functionId: number, deltas: readonly RollupDelta[]): Promise<void> {
  for (const delta of combineByMinute(deltas)) {
    await tx.$executeRaw`
      INSERT INTO function_minutes (function_id, minute, duration_histogram) VALUES (${functionId}, ${delta.minute}, ARRAY[0]::int[])
      ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<Array<{ duration_histogram: number[] | null }>>`
      SELECT duration_histogram FROM function_minutes WHERE function_id = ${functionId} AND minute = ${delta.minute} FOR UPDATE`;
    const histogram = decodeHistogramBuckets(row?.duration_histogram ?? [0]);
    for (const duration of delta.durations) addSample(histogram, duration);
    await tx.$executeRaw`
      UPDATE function_minutes SET
        invocations = invocations + ${delta.invocations},
        errors = errors + ${delta.errors},
        timeouts = timeouts + ${delta.timeouts},
        out_of_memory = out_of_memory + ${delta.outOfMemory},
        cold_starts = cold_starts + ${delta.coldStarts},
        retries = retries + ${delta.retries},
        duration_sum_ms = duration_sum_ms + ${delta.durationSumMs},
        billed_gb_seconds = billed_gb_seconds + ${delta.billedGbSeconds},
        init_duration_sum_ms = init_duration_sum_ms + ${delta.initDurationSumMs},
        max_memory_used_mb = GREATEST(max_memory_used_mb, ${delta.maxMemoryUsedMB}),
        duration_histogram = ${encodeHistogramBuckets(histogram)}::int[]
      WHERE function_id = ${functionId} AND minute = ${delta.minute}`;
  }
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

