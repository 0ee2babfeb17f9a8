import Link from 'next/link';

export const RANGE_PRESETS = ['15m', '1h', '6h', '24h', '7d'] as const;

/**
 * The range lives in the URL (?range=1h, or ?from=…&to=… for a custom one), so a view can be shared
 * and reloaded. `params` are the page's other query parameters, kept when the range changes.
 */
export function RangePicker({ path, current, params = {}, from, to }: { path: string; current: string; params?: Record<string, string>; from?: string; to?: string }) {
  const href = (range: string) => `${path}?${new URLSearchParams({ ...params, range }).toString()}`;
  return (
    <div className="toolbar" aria-label="Time range">
      <nav className="segmented" aria-label="Time range presets">
        {RANGE_PRESETS.map((range) => (
          <Link key={range} href={href(range)} aria-current={range === current ? 'true' : undefined}>
            {range}
          </Link>
        ))}
      </nav>
      <form method="get" action={path} className="toolbar">
        {Object.entries(params).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label>
          From (UTC) <input type="datetime-local" name="from" defaultValue={from?.slice(0, 16)} required />
        </label>
        <label>
          To (UTC) <input type="datetime-local" name="to" defaultValue={to?.slice(0, 16)} />
        </label>
        <button type="submit">Apply</button>
      </form>
    </div>
  );
}
