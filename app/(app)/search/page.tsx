import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { searchEverything, searchQuerySchema } from '@/lib/metrics/search-everything';
import { formatDuration, formatTime } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { DataTable } from '@/app/components/data-table';

export const metadata: Metadata = { title: 'Search' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** The search box's answer: a request ID jumps to its investigation; a trace ID lists its attempts; text finds recent log lines. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const parsed = searchQuerySchema.safeParse(typeof raw === 'string' ? raw : '');
  if (!parsed.success) {
    return <p className="notice notice-error">q: {parsed.error.issues[0]?.message}</p>;
  }
  const result = await searchEverything(await getWebPrisma(), { query: parsed.data, now: new Date() });
  if (result.kind === 'request') redirect(`/requests/${encodeURIComponent(result.requestId)}`);
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>Search</h1>
          <p className="subtitle">A request ID opens its investigation; an X-Ray trace ID lists its attempts; anything else searches the last day of log lines.</p>
        </div>
      </div>
      <form method="get" action="/search" role="search" className="toolbar">
        <label htmlFor="search-page-q" className="visually-hidden">
          Search
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={parsed.data} size={60} autoFocus />
        <button type="submit" className="btn-primary">
          Search
        </button>
      </form>
      {result.kind === 'empty' ? <p className="hint">Type a request ID, an X-Ray trace ID or some text from a log line.</p> : null}
      {result.kind === 'trace' ? (
        <section className="card" aria-labelledby="trace-heading">
          <h2 id="trace-heading">
            Trace <span className="mono">{result.traceId}</span>
          </h2>
          {result.attempts.length === 0 ? (
            <div className="empty">
              <strong>No attempt carries this trace ID.</strong>Only functions with X-Ray tracing write it in their REPORT lines.
            </div>
          ) : (
            <DataTable columns={['Function', 'Request ID', 'Started', 'Status', { label: 'Duration', numeric: true }]}>
                {result.attempts.map((attempt) => (
                  <tr key={`${attempt.functionId}-${attempt.requestId}-${attempt.startedAt.toISOString()}`}>
                    <td>
                      <Link href={`/functions/${attempt.functionId}`}>{attempt.functionName}</Link>
                    </td>
                    <td className="mono">
                      <Link href={`/requests/${encodeURIComponent(attempt.requestId)}`}>{attempt.requestId}</Link>
                    </td>
                    <td>{formatTime(attempt.startedAt)}</td>
                    <td>
                      <StatusBadge status={attempt.status} /> {attempt.coldStart ? <span className="badge badge-info">cold</span> : null}
                    </td>
                    <td className="num">{formatDuration(attempt.durationMs)}</td>
                  </tr>
                ))}
            </DataTable>
          )}
        </section>
      ) : null}
      {result.kind === 'text' ? (
        <section className="card" aria-labelledby="text-heading">
          <h2 id="text-heading">
            Log lines containing “{result.query}” <span className="muted">({result.lines.length === 50 ? 'newest 50' : result.lines.length})</span>
          </h2>
          {result.lines.length === 0 ? (
            <div className="empty">
              <strong>No log line of the last day contains it.</strong>The search is case-insensitive and covers raw log lines of the last 24 hours.
            </div>
          ) : (
            <DataTable columns={['Time', 'Function', 'Line']}>
                {result.lines.map((line, index) => (
                  <tr key={index}>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatTime(line.timestamp)}</td>
                    <td>{line.functionId !== null ? <Link href={`/functions/${line.functionId}`}>{line.functionName}</Link> : <span className="muted">unknown</span>}</td>
                    <td className="mono" style={{ overflowWrap: 'anywhere' }}>
                      {line.requestId ? (
                        <Link href={`/requests/${encodeURIComponent(line.requestId)}`} title="Open this request">
                          {line.message.replace(/\n$/, '')}
                        </Link>
                      ) : (
                        line.message.replace(/\n$/, '')
                      )}
                    </td>
                  </tr>
                ))}
            </DataTable>
          )}
        </section>
      ) : null}
    </div>
  );
}
