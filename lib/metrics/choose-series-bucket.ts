const MINUTE_MS = 60_000;
const DAY_MS = 1_440 * MINUTE_MS;
/** Widths a reader recognises at a glance (1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 1 day). */
const NICE_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1_440] as const;
/** Enough points for a chart across a wide screen, few enough to draw and merge histograms for quickly. */
export const MAX_SERIES_POINTS = 300;

/**
 * The bucket width, in ms, for a series over `rangeMs`: the smallest nice width that keeps the
 * series within MAX_SERIES_POINTS (15m and 1h → 1 min, 6h and 24h → 5 min, 7d → 1 h, 30d → 3 h),
 * whole days beyond. Always a whole number of minutes, since the rollups are per minute. Pure.
 */
export function chooseSeriesBucket(rangeMs: number): number {
  const span = Math.max(MINUTE_MS, rangeMs);
  for (const minutes of NICE_MINUTES) {
    if (Math.ceil(span / (minutes * MINUTE_MS)) <= MAX_SERIES_POINTS) return minutes * MINUTE_MS;
  }
  return Math.ceil(span / MAX_SERIES_POINTS / DAY_MS) * DAY_MS;
}
