import type { RulePreview } from '@/lib/alerts/preview-alert-rule';
import { signalInfo } from '@/lib/alerts/alert-signals';
import { alertConditionText, alertValueText, asAlertSignal } from './alert-value';
import { TimeSeriesChart, type ChartSeries } from './time-series-chart';

type Props = {
  preview: RulePreview;
  rule: { signal: string; comparison: string; threshold: number; windowMinutes: number };
  functionName: string;
};

/**
 * A rule's signal for one function as the rule judged (or would have judged) it each minute, with its
 * threshold, and the minutes it was pending or firing drawn over it in amber and red.
 */
export function AlertSignalChart({ preview, rule, functionName }: Props) {
  const { points } = preview;
  const known = asAlertSignal(rule.signal);
  const label = known ? signalInfo[known].label : rule.signal;
  const unit = !known || signalInfo[known].unit === 'count' ? `per ${rule.windowMinutes} min` : signalInfo[known].unit;
  const values = points.map((point) => point.value);
  const during = (state: string) => points.map((point) => (point.state === state ? point.value : null));
  const minutesIn = (state: string) => points.filter((point) => point.state === state).length;
  const peak = values.reduce<number | null>((max, value) => (value === null ? max : Math.max(max ?? value, value)), null);
  const breaching = points.filter((point) => point.breaching).length;
  const series: ChartSeries[] = [
    { label: capitalize(label), values, color: 'accent' },
    ...(minutesIn('pending') > 0 ? [{ label: 'Pending', values: during('pending'), color: 'warn' as const }] : []),
    ...(minutesIn('firing') > 0 ? [{ label: 'Firing', values: during('firing'), color: 'bad' as const }] : []),
    { label: `Threshold (${rule.comparison})`, values: points.map(() => rule.threshold), color: 'muted', dashed: true },
  ];
  const summary =
    peak === null
      ? `No ${label} for ${functionName} in the last 24 hours (no data in any window), so the rule never breached.`
      : `${capitalize(label)} of ${functionName} over ${rule.windowMinutes}-minute windows, judged each minute: at most ${alertValueText(rule.signal, peak)}. ` +
        `It met ${alertConditionText(rule)} in ${breaching} of ${points.length} minutes` +
        (minutesIn('firing') > 0 ? ` and was firing for ${minutesIn('firing')} minutes.` : '.');
  return (
    <TimeSeriesChart
      // A new function or a changed definition is a new chart (its datasets and unit are set when it is created).
      key={`${functionName}|${rule.signal}|${rule.comparison}|${rule.threshold}|${rule.windowMinutes}|${series.length}`}
      title={`${capitalize(label)} of ${functionName}, last 24 h`}
      times={points.map((point) => point.at)}
      series={series}
      unit={unit}
      summary={summary}
    />
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
