import Link from 'next/link';
import type { InvocationPage } from '@/lib/metrics/list-function-invocations';
import { formatDuration, formatTime } from '../../../components/format';
import { StatusBadge } from '../../../components/status-badge';
import { DataTable } from '@/app/components/data-table';

type Props = {
  page: InvocationPage;
  /** The page's URL without the invocation filters, and the filters as they are. */
  path: string;
  params: Record<string, string>;
  filters: { status: string; coldStart: string; version: string; retried: string };
};

/** Recent invocations, newest first, with filters (a GET form, so the URL holds them) and cursor paging. */
export function InvocationTable({ page, path, params, filters }: Props) {
  const keep = Object.entries(params).filter(([name]) => !['status', 'coldStart', 'version', 'retried', 'cursor'].includes(name));
  const filtering = Object.values(filters).some((value) => value !== '');
  const next = page.nextCursor ? `${path}?${new URLSearchParams({ ...params, cursor: page.nextCursor }).toString()}#invocations` : null;
  return (
    <section className="card" id="invocations" aria-labelledby="invocations-heading">
      <h2 id="invocations-heading">Recent invocations</h2>
      <form method="get" action={`${path}#invocations`} className="toolbar" aria-label="Filter invocations">
        {keep.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label>
          Status
          <select name="status" defaultValue={filters.status}>
            <option value="">any</option>
            <option value="failed">any failure</option>
            <option value="success">success</option>
            <option value="error">error</option>
            <option value="timeout">timeout</option>
            <option value="out_of_memory">out of memory</option>
            <option value="init_error">init error</option>
            <option value="crashed">crashed</option>
            <option value="running">running</option>
          </select>
        </label>
        <label>
          Cold start
          <select name="coldStart" defaultValue={filters.coldStart}>
            <option value="">any</option>
            <option value="true">cold</option>
            <option value="false">warm</option>
          </select>
        </label>
        <label>
          Retried
          <select name="retried" defaultValue={filters.retried}>
            <option value="">any</option>
            <option value="true">retried</option>
            <option value="false">first attempt only</option>
          </select>
        </label>
        <label>
          Version <input name="version" defaultValue={filters.version} placeholder="$LATEST, 7…" size={8} />
        </label>
        <button type="submit">Apply</button>
        {filtering ? <Link href={`${path}?${new URLSearchParams(Object.fromEntries(keep)).toString()}#invocations`}>Clear</Link> : null}
      </form>
      {page.items.length === 0 ? (
        <div className="empty">
          <strong>{filtering ? 'No invocation matches these filters.' : 'No invocations in this range.'}</strong>
          {filtering ? 'Try another status or a longer range.' : 'Invocations appear here a few seconds after they run.'}
        </div>
      ) : (
        <DataTable columns={['Request ID', 'Started', 'Outcome', { label: 'Attempts', numeric: true }, { label: 'Duration', numeric: true }, 'Start', 'Version', 'Error']}>
              {page.items.map((item) => (
                <tr key={item.requestId}>
                  <td className="mono">
                    <Link href={`/requests/${encodeURIComponent(item.requestId)}`}>{item.requestId}</Link>
                  </td>
                  <td>{formatTime(item.firstStartAt)}</td>
                  <td>
                    <StatusBadge status={item.finalStatus} /> <span className="hint">{item.outcome}</span>
                  </td>
                  <td className="num">{item.attemptCount}</td>
                  <td className="num">{formatDuration(item.durationMs)}</td>
                  <td>{item.coldStart ? <span className="badge badge-info">cold</span> : <span className="badge">warm</span>}</td>
                  <td>{item.version ?? '–'}</td>
                  <td className="error-text">{item.errorType ? `${item.errorType}${item.errorMessage ? `: ${truncate(item.errorMessage, 80)}` : ''}` : ''}</td>
                </tr>
              ))}
        </DataTable>
      )}
      {next ? (
        <p>
          <Link href={next} rel="next">
            Older invocations →
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
