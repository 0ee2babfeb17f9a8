import Link from 'next/link';
import type { OverviewSort } from '@/lib/metrics/arrange-function-summaries';
import type { FunctionSummary } from '@/lib/metrics/list-function-summaries';
import type { Sparkline as SparklineData } from '@/lib/metrics/list-function-sparklines';
import type { SourceHealth } from '@/lib/metrics/list-source-health';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../components/format';
import { SourceHealthTable } from '../components/source-health-table';
import { Sparkline } from '../components/sparkline';
import { FiringBadge } from '../components/firing-badge';
import type { FiringAlert } from '@/lib/alerts/list-alerting';


const columns: Array<{ key: OverviewSort; label: string; numeric: boolean }> = [
  { key: 'name', label: 'Function', numeric: false },
  { key: 'invocations', label: 'Invocations', numeric: true },
  { key: 'errorRate', label: 'Errors', numeric: true },
  { key: 'throttles', label: 'Throttles', numeric: true },
  { key: 'coldStartRate', label: 'Cold starts', numeric: true },
  { key: 'p95', label: 'p95 duration', numeric: true },
  { key: 'retries', label: 'Retries', numeric: true },
  { key: 'cost', label: 'Est. cost', numeric: true },
];

type Props = {
  functions: Array<FunctionSummary & { sparkline: SparklineData }>;
  sources: SourceHealth[];
  sort: OverviewSort;
  direction: 'asc' | 'desc';
  filter: string;
  query: Record<string, string>;
  /** Firing alerts by function id. */
  firing: ReadonlyMap<number, FiringAlert[]>;
};

/** The fleet table and source health, as the overview page renders them (data fetched by the page). */
export function FleetOverview({ functions, sources, sort, direction, filter, query, firing }: Props) {
  const sortHref = (key: OverviewSort) => {
    const nextDirection = key === sort && direction === 'desc' ? 'asc' : key === 'name' && key !== sort ? 'asc' : 'desc';
    return `/?${new URLSearchParams({ ...query, sort: key, dir: nextDirection }).toString()}`;
  };
  return (
    <div className="stack">
      <section className="card" aria-labelledby="fleet-heading">
        <div className="toolbar" style={{ justifyContent: 'space-between' }}>
          <h2 id="fleet-heading" style={{ margin: 0 }}>
            Functions <span className="muted">({functions.length})</span>
          </h2>
          <form method="get" action="/" className="toolbar" role="search" aria-label="Filter functions">
            {Object.entries(query)
              .filter(([name]) => name !== 'filter')
              .map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
            <label htmlFor="function-filter" className="visually-hidden">
              Filter by function or source name
            </label>
            <input id="function-filter" name="filter" type="search" defaultValue={filter} placeholder="Filter functions…" />
            <button type="submit">Filter</button>
          </form>
        </div>
        {functions.length === 0 ? (
          <div className="empty">
            <strong>{filter ? `No function matches “${filter}”.` : 'No functions yet.'}</strong>
            {filter ? (
              <Link href="/">Clear the filter</Link>
            ) : (
              <>
                The worker lists your sources’ functions within a minute of starting. <Link href="/settings/sources">Check the sources</Link>.
              </>
            )}
          </div>
        ) : (
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      className={column.numeric ? 'num' : undefined}
                      aria-sort={column.key === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      <Link href={sortHref(column.key)}>
                        {column.label}
                        {column.key === sort ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </Link>
                    </th>
                  ))}
                  <th scope="col">Trend</th>
                </tr>
              </thead>
              <tbody>
                {functions.map((summary) => {
                  const trend = summary.sparkline;
                  return (
                    <tr key={summary.function.id}>
                      <td>
                        <Link href={`/functions/${summary.function.id}?${new URLSearchParams(query.range ? { range: query.range } : {}).toString()}`}>
                          {summary.function.name}
                        </Link>
                        {summary.function.deleted ? <span className="badge" style={{ marginLeft: '0.4rem' }}>deleted</span> : null}
                        <FiringBadge alerts={firing.get(summary.function.id)} />
                        <div className="hint">
                          {summary.source.name} · {summary.function.runtime ?? 'container image'} · {summary.function.memorySizeMB} MB
                        </div>
                      </td>
                      <td className="num">{formatCount(summary.invocations)}</td>
                      <td className="num">
                        <span className={summary.errors > 0 ? 'error-text' : undefined}>{formatPercent(summary.errorRate)}</span>
                        <div className="hint">{formatCount(summary.errors)}</div>
                      </td>
                      <td className="num">{formatCount(summary.throttles)}</td>
                      <td className="num">{formatPercent(summary.coldStartRate)}</td>
                      <td className="num">{formatDuration(summary.durationMs.p95)}</td>
                      <td className="num">{formatCount(summary.retries)}</td>
                      <td className="num">{formatUsd(summary.cost.totalUsd)}</td>
                      <td>
                        <Sparkline values={trend.invocations} errors={trend.errors} label={`${summary.function.name} trend`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {sources.length === 0 ? (
          <div className="empty">
            <strong>No sources.</strong>
            <Link href="/settings/sources">Add an AWS account or an emulator</Link>.
          </div>
        ) : (
          <SourceHealthTable sources={sources} />
        )}
      </section>
    </div>
  );
}
