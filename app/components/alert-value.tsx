import { alertSignals, formatSignalValue, signalInfo, type AlertSignal } from '@/lib/alerts/alert-signals';

/** A stored rule's signal (a string column) as the signal it names, or null for one this version does not know. */
export function asAlertSignal(signal: string): AlertSignal | null {
  return (alertSignals as readonly string[]).includes(signal) ? (signal as AlertSignal) : null;
}

/** A value of a rule's signal as people read it ("12.5 %", "1,234 ms", "$0.42/h"). */
export function alertValueText(signal: string, value: number | null): string {
  const known = asAlertSignal(signal);
  if (known) return formatSignalValue(known, value);
  return value === null ? 'no data' : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "error rate > 5 %": what a rule watches and when it breaches. */
export function alertConditionText(rule: { signal: string; comparison: string; threshold: number }): string {
  const known = asAlertSignal(rule.signal);
  return `${known ? signalInfo[known].label : rule.signal} ${rule.comparison} ${alertValueText(rule.signal, rule.threshold)}`;
}

/** A signal value in a table cell. */
export function AlertValue({ signal, value }: { signal: string; value: number | null }) {
  const text = alertValueText(signal, value);
  return value === null ? <span className="muted">{text}</span> : <>{text}</>;
}
