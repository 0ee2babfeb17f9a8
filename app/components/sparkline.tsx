/** A tiny server-drawn trend line (no JavaScript): invocations over the range, errors on top. */
export function Sparkline({ values, errors, label }: { values: readonly number[]; errors?: readonly number[]; label: string }) {
  const width = 96;
  const height = 24;
  const max = Math.max(1, ...values);
  const points = (series: readonly number[]) =>
    series.map((value, index) => `${((index / Math.max(1, series.length - 1)) * width).toFixed(1)},${(height - 1 - (value / max) * (height - 2)).toFixed(1)}`).join(' ');
  const total = values.reduce((sum, value) => sum + value, 0);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${total} invocations over the range`}>
      <polyline points={points(values)} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
      {errors && errors.some((value) => value > 0) ? <polyline points={points(errors)} fill="none" stroke="var(--bad)" strokeWidth="1.5" /> : null}
    </svg>
  );
}
