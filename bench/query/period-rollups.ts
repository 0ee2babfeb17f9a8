import { addSample, createHistogram, type DurationHistogram } from '../../lib/histogram/duration-histogram';
import { encodeHistogramText } from '../../lib/histogram/encode-histogram';
import { emptyRollupCounts, type RollupCounts } from '../../lib/store/rollup-counts';
import type { FleetAttempt } from './generate-fleet-requests';

/** One function_minutes or function_hours row. */
export type PeriodRollup = RollupCounts & {
  functionId: number;
  startMs: number;
  /** encodeHistogramText of the period's durations. */
  durationHistogram: string;
};

/** What a finished attempt contributes (a subset of lib/store's AttemptFacts). */
export type FinishedAttempt = Pick<FleetAttempt, 'startedMs' | 'status' | 'durationMs' | 'billedDurationMs' | 'maxMemoryUsedMB' | 'initDurationMs' | 'coldStart'>;

type Open = Omit<PeriodRollup, 'durationHistogram'> & { histogram: DurationHistogram };

/**
 * function_minutes (periodMs 60,000) or function_hours (3,600,000) as lib/store writes them. Each
 * finished attempt moves its start period's row the way rollupDelta(null, attempt, isRetry) says (one invocation; an error unless it succeeded;
 * billed GB-s = billed ms / 1000 × memory MB / 1024; the largest memory used), written out here
 * rather than called because it allocates a delta per attempt and this runs 10 million times —
 * check-seeded-data.ts holds stored rows against rollupDelta() itself. Durations go into the
 * period's histogram with lib/histogram's addSample() and are encoded with
 * encodeHistogramText(), so bucket indexes are lib/histogram's by construction.
 * `flushBefore(ms)` hands back every period starting before `ms`, oldest first, functions by id.
 */
export function createPeriodRollups(periodMs: number) {
  const periods = new Map<number, Map<number, Open>>();
  return {
    add(functionId: number, memorySizeMB: number, attempt: FinishedAttempt, isRetry: boolean): void {
      const startMs = Math.floor(attempt.startedMs / periodMs) * periodMs;
      let byFunction = periods.get(startMs);
      if (!byFunction) periods.set(startMs, (byFunction = new Map()));
      let open = byFunction.get(functionId);
      if (!open) {
        open = { functionId, startMs, ...emptyRollupCounts(), histogram: createHistogram() };
        byFunction.set(functionId, open);
      }
      open.invocations += 1;
      if (attempt.status !== 'success') open.errors += 1;
      if (attempt.status === 'timeout') open.timeouts += 1;
      if (attempt.status === 'out_of_memory') open.outOfMemory += 1;
      if (attempt.coldStart) open.coldStarts += 1;
      if (isRetry) open.retries += 1;
      open.durationSumMs += attempt.durationMs;
      open.billedGbSeconds += (attempt.billedDurationMs / 1000) * (memorySizeMB / 1024);
      open.initDurationSumMs += attempt.initDurationMs ?? 0;
      open.maxMemoryUsedMB = Math.max(open.maxMemoryUsedMB, attempt.maxMemoryUsedMB);
      addSample(open.histogram, attempt.durationMs);
    },
    flushBefore(ms: number): PeriodRollup[] {
      const due = [...periods.keys()].filter((startMs) => startMs < ms).sort((a, b) => a - b);
      const rows: PeriodRollup[] = [];
      for (const startMs of due) {
        const byFunction = periods.get(startMs) as Map<number, Open>;
        periods.delete(startMs);
        for (const open of [...byFunction.values()].sort((a, b) => a.functionId - b.functionId)) {
          const { histogram, ...counts } = open;
          rows.push({ ...counts, durationHistogram: encodeHistogramText(histogram) });
        }
      }
      return rows;
    },
  };
}
