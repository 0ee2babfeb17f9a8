const tones: Record<string, string> = { firing: 'badge-bad', pending: 'badge-warn', resolved: 'badge-ok', ok: 'badge-ok' };

/** An alert's state (ok, pending, firing, resolved), coloured as the alerts pages use it everywhere. */
export function AlertStateBadge({ state }: { state: string }) {
  return <span className={`badge ${tones[state] ?? ''}`}>{state}</span>;
}
