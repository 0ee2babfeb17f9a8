/**
 * The largest value any REPORT metric can hold in its unit: 2^31 − 1, which is 24.8 days in ms or
 * 2 PB in MB, far above Lambda's 15-minute timeout and 10,240 MB. It is also what the store's
 * integer columns hold, and keeps "REPORT time − duration" (an estimated start) a real date.
 */
export const MAX_MEASUREMENT = 2_147_483_647;

/**
 * Whether a number can be a duration or memory size Lambda measured: finite, not negative, not
 * beyond MAX_MEASUREMENT. Anything else (`Duration: -5 ms`, `1e300`) comes from a corrupted or
 * forged line, and would poison sums and percentiles.
 */
export function isMeasurement(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= MAX_MEASUREMENT;
}
