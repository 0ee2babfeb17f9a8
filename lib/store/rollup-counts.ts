/** What a minute or hour rollup row counts and sums, besides its duration histogram. */
export type RollupCounts = {
  invocations: number;
  errors: number;
  timeouts: number;
  outOfMemory: number;
  coldStarts: number;
  retries: number;
  durationSumMs: number;
  billedGbSeconds: number;
  initDurationSumMs: number;
  /** The largest of the period's; 0 when no REPORT measured it. */
  maxMemoryUsedMB: number;
};

export function emptyRollupCounts(): RollupCounts {
  return {
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
  };
}

/** Adds `more` into `into` (sums add, the memory peak is the larger): how periods combine. */
export function addRollupCounts(into: RollupCounts, more: RollupCounts): void {
  into.invocations += more.invocations;
  into.errors += more.errors;
  into.timeouts += more.timeouts;
  into.outOfMemory += more.outOfMemory;
  into.coldStarts += more.coldStarts;
  into.retries += more.retries;
  into.durationSumMs += more.durationSumMs;
  into.billedGbSeconds += more.billedGbSeconds;
  into.initDurationSumMs += more.initDurationSumMs;
  into.maxMemoryUsedMB = Math.max(into.maxMemoryUsedMB, more.maxMemoryUsedMB);
}
