const tones: Record<string, string> = { critical: 'badge-bad', warning: 'badge-warn', info: 'badge-info' };

/** A rule's severity: critical reads red, warning amber, info blue. */
export function AlertSeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge ${tones[severity] ?? ''}`}>{severity}</span>;
}
