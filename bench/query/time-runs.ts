export type Timing = { runs: number; p50: number; p95: number; max: number };

/** The nearest-rank percentile of `samples` (ms). */
export function percentileOf(samples: readonly number[], percentile: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Times `run(i)` one call after another (never overlapping: each is one page load's data), after
 * `warmup` untimed calls that fill caches and prepare statements. Run indexes continue after the
 * warm-up's, so a run never repeats a warm-up's arguments. With `budgetMs`, timing stops early
 * (after at least three runs) once the timed runs have taken that long: a slow baseline needs
 * only a few.
 */
export async function timeRuns(options: { warmup: number; runs: number; budgetMs?: number; run: (index: number) => Promise<unknown> }): Promise<Timing> {
  for (let index = 0; index < options.warmup; index += 1) await options.run(index);
  const samples: number[] = [];
  let spent = 0;
  for (let index = 0; index < options.runs; index += 1) {
    if (options.budgetMs !== undefined && samples.length >= 3 && spent > options.budgetMs) break;
    const started = performance.now();
    await options.run(options.warmup + index);
    samples.push(performance.now() - started);
    spent += samples[samples.length - 1] as number;
  }
  return { runs: samples.length, p50: percentileOf(samples, 50), p95: percentileOf(samples, 95), max: Math.max(...samples) };
}
