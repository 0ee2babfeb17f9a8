/** A CloudWatch statistic: one of the five basic ones or a percentile (`p99`, `p99.9`, `p0.0`…`p100`). */
export type Statistic =
  | { kind: 'Sum' | 'Average' | 'Minimum' | 'Maximum' | 'SampleCount' }
  | { kind: 'percentile'; percentile: number };

const BASIC_STATISTICS = new Set(['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'] as const);
// AWS accepts at most two decimals; trimmed means (tm99), IQM and the like are not emulated.
const PERCENTILE = /^p(\d{1,3}(?:\.\d{1,2})?)$/;

/** Parses a `Stat` / `Statistics` / `ExtendedStatistics` string; null when CloudWatch would refuse it. */
export function parseStatistic(text: string): Statistic | null {
  if ((BASIC_STATISTICS as Set<string>).has(text)) return { kind: text as 'Sum' };
  const match = PERCENTILE.exec(text);
  if (!match?.[1]) return null;
  const percentile = Number(match[1]);
  return percentile <= 100 ? { kind: 'percentile', percentile } : null;
}
