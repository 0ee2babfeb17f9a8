import Link from 'next/link';
import type { FiringAlert } from '@/lib/alerts/list-alerting';

/** A function's firing alerts, marked where the function is listed: a badge linking to the alerts, naming each rule. */
export function FiringBadge({ alerts }: { alerts: readonly FiringAlert[] | undefined }) {
  if (!alerts || alerts.length === 0) return null;
  const critical = alerts.some((alert) => alert.severity === 'critical');
  const names = alerts.map((alert) => alert.ruleName).join(', ');
  return (
    <Link href="/alerts" className={`badge ${critical ? 'badge-bad' : 'badge-warn'}`} style={{ marginLeft: '0.4rem' }} title={`Firing: ${names}`} aria-label={`${alerts.length} firing alert${alerts.length === 1 ? '' : 's'}: ${names}`}>
      {alerts.length === 1 ? 'firing' : `${alerts.length} firing`}
    </Link>
  );
}
