/**
 * Peak resident set size, sampled on a timer and at every explicit `sample()` (after each batch),
 * so a short spike between batches is still seen.
 */
export type MemorySampler = { sample: () => number; peak: () => number; stop: () => void };

export function startMemorySampler(intervalMs = 20): MemorySampler {
  let peak = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    return rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  sample();
  return { sample, peak: () => peak, stop: () => clearInterval(timer) };
}
