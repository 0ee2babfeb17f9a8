/** Display formatting shared by pages: one place, so every number reads the same everywhere. */

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return `${value < 10 && value !== 0 ? value.toFixed(1) : Math.round(value).toString()} %`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toString()} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toPrecision(2)}`;
  return `$${value.toFixed(2)}`;
}

export function formatTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${date.toISOString().replace('T', ' ').slice(0, 23)} UTC`;
}

/** "3 min ago" style, for lists; exact times stay in a title attribute. */
export function formatAgo(value: Date | string | null | undefined, now: number = Date.now()): string {
  if (value === null || value === undefined) return 'never';
  const ms = now - (typeof value === 'string' ? Date.parse(value) : value.getTime());
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s ago`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} d ago`;
}

/** A status's badge class: success reads green, failures red, in-between amber. */
export function statusTone(status: string): 'ok' | 'warn' | 'bad' | 'info' {
  switch (status) {
    case 'success':
      return 'ok';
    case 'running':
      return 'info';
    case 'throttled':
      return 'warn';
    default:
      return 'bad';
  }
}
