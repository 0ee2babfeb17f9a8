import type { Metadata } from 'next';
import { listFiringAlertsByFunction } from '@/lib/alerts/list-alerting';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { getFleetOverview } from '@/lib/metrics/get-fleet-overview';
import { overviewQuerySchema } from '@/lib/metrics/overview-query-schema';
import { parseRangeParams } from '@/lib/metrics/parse-range-params';
import { AutoRefresh } from '../components/auto-refresh';
import { formatCount, formatPercent, formatUsd } from '../components/format';
import { RangePicker } from '../components/range-picker';
import { FleetOverview } from './fleet-overview';

export const metadata: Metadata = { title: 'Functions' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The fleet at a glance: every function's health over the range, and the sources feeding it. */
export default async function OverviewPage({ searchParams }: Props) {
  const query = Object.fromEntries(Object.entries(await searchParams).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
  const range = parseRangeParams(query);
  const table = overviewQuerySchema.parse(query);
  const prisma = await getWebPrisma();
  const [overview, firing] = await Promise.all([getFleetOverview(prisma, { range, ...table }), listFiringAlertsByFunction(prisma)]);
  const total = (pick: (entry: (typeof overview.functions)[number]) => number) => overview.functions.reduce((sum, entry) => sum + pick(entry), 0);
  const invocations = total((entry) => entry.invocations);
  const errors = total((entry) => entry.errors);
  const keep: Record<string, string> = Object.fromEntries(Object.entries(query).filter(([name]) => ['range', 'from', 'to', 'sort', 'dir', 'filter'].includes(name)));
  return (
    <div className="stack">
      {range.preset === 'custom' ? null : <AutoRefresh seconds={30} />}
      <div className="page-header">
        <div>
          <h1>Functions</h1>
          <p className="subtitle">
            {range.since.toISOString().replace('T', ' ').slice(0, 16)} → {range.until.toISOString().replace('T', ' ').slice(0, 16)} UTC
          </p>
        </div>
        <RangePicker
          path="/"
          current={range.preset}
          params={Object.fromEntries(Object.entries(keep).filter(([name]) => !['range', 'from', 'to'].includes(name)))}
          from={range.preset === 'custom' ? range.since.toISOString() : undefined}
          to={range.preset === 'custom' ? range.until.toISOString() : undefined}
        />
      </div>
      <div className="stats" aria-label="Fleet totals over the range">
        <Stat label="Invocations" value={formatCount(invocations)} />
        <Stat label="Errors" value={`${formatCount(errors)} (${formatPercent(invocations === 0 ? null : (100 * errors) / invocations)})`} />
        <Stat label="Throttles" value={formatCount(total((entry) => entry.throttles))} />
        <Stat label="Cold starts" value={formatCount(total((entry) => entry.coldStarts))} />
        <Stat label="Retries" value={formatCount(total((entry) => entry.retries))} />
        <Stat label="Estimated cost" value={formatUsd(total((entry) => entry.cost.totalUsd))} />
      </div>
      <FleetOverview functions={overview.functions} sources={overview.sources} sort={table.sort} direction={table.dir} filter={table.filter} query={keep} firing={firing} />
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  );
}
