import { addSample, createHistogram, type DurationHistogram } from '../../lib/histogram/duration-histogram';
import { encodeHistogramBuckets } from '../../lib/histogram/encode-histogram';
import type { AttemptStatus } from '../../lib/ingest/attempt-fragment';

/** One function_minutes row. */
export type MinuteRollup = {
  functionId: number;
  minuteMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  outOfMemory: number;
  coldStarts: number;
  retries: number;
  durationSumMs: number;
  billedGbSeconds: number;
  initDurationSumMs: number;
  maxMemoryUsedMB: number;
  /** encodeHistogramBuckets of the minute's durations. */
  durationHistogram: number[];
};

/** What a finished attempt contributes (a subset of lib/store's AttemptFacts). */
export type FinishedAttempt = {
  startedMs: number;
  status: AttemptStatus;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  initDurationMs: number | null;
  coldStart: boolean;
};

type Open = Omit<MinuteRollup, 'durationHistogram'> & { histogram: DurationHistogram };

/**
 * function_minutes as lib/store writes them. Each finished attempt moves its start minute's row
 * the way rollupDelta(null, attempt, isRetry) says (one invocation; an error unless it succeeded;
 * billed GB-s = billed ms / 1000 × memory MB / 1024; the largest memory used), written out here
 * rather than called because it allocates a delta per attempt and this runs 10 million times —
 * check-seeded-data.ts holds stored rows against rollupDelta() itself. Durations go into the
 * minute's histogram with lib/histogram's addSample() and are encoded with
 * encodeHistogramBuckets(), so bucket indexes are lib/histogram's by construction.
 * `flushBefore(ms)` hands back every minute starting before `ms`, oldest first, functions by id.
 */
export function createMinuteRollups() {
  const minutes = new Map<number, Map<number, Open>>();
  return {
    add(functionId: number, memorySizeMB: number, attempt: FinishedAttempt, isRetry: boolean): void {
      const minuteMs = Math.floor(attempt.startedMs / 60_000) * 60_000;
      let byFunction = minutes.get(minuteMs);
      if (!byFunction) minutes.set(minuteMs, (byFunction = new Map()));
      let open = byFunction.get(functionId);
      if (!open) {
        open = {
          functionId,
          minuteMs,
          invocations: 0,
          errors: 0,
          timeouts: 0,
          outOfMemory: 0,
          coldStarts: 0,
          retries: 0,
          durationSumMs: 0,
          billedGbSeconds: 0,
          initDurationSumMs: 0,
          maxMemoryUsedMB: 0,
          histogram: createHistogram(),
        };
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
    flushBefore(ms: number): MinuteRollup[] {
      const due = [...minutes.keys()].filter((minuteMs) => minuteMs < ms).sort((a, b) => a - b);
      const rows: MinuteRollup[] = [];
      for (const minuteMs of due) {
        const byFunction = minutes.get(minuteMs) as Map<number, Open>;
        minutes.delete(minuteMs);
        for (const open of [...byFunction.values()].sort((a, b) => a.functionId - b.functionId)) {
          rows.push({
            functionId: open.functionId,
            minuteMs: open.minuteMs,
            invocations: open.invocations,
            errors: open.errors,
            timeouts: open.timeouts,
            outOfMemory: open.outOfMemory,
            coldStarts: open.coldStarts,
            retries: open.retries,
            durationSumMs: open.durationSumMs,
            billedGbSeconds: open.billedGbSeconds,
            initDurationSumMs: open.initDurationSumMs,
            maxMemoryUsedMB: open.maxMemoryUsedMB,
            durationHistogram: encodeHistogramBuckets(open.histogram),
          });
        }
      }
      return rows;
    },
  };
}
