import type { SourceHealth } from '@/lib/metrics/list-source-health';
import { describeBackfill } from '@/lib/ingest/backfill-progress';
import { formatAgo, formatDuration } from './format';

/** Each source's health: where it is, ingest lag, last poll, backfill progress, failures (overview and sources page). */
export function SourceHealthTable({ sources, detailed = false }: { sources: readonly SourceHealth[]; detailed?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Source</th>
            {detailed ? <th scope="col">Credentials</th> : null}
            <th scope="col">Ingest lag</th>
            <th scope="col">Last poll</th>
            <th scope="col">Backfill</th>
            <th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <td>
                {source.name}
                <div className="hint">
                  {source.kind} · <span className="mono">{source.endpoint ?? source.region}</span> · {source.logGroups} log groups
                </div>
              </td>
              {detailed ? (
                <td>{source.kind === 'aws' ? (source.roleArn ? `role ${source.roleArn}` : source.profile ? `profile ${source.profile}` : 'default chain') : '–'}</td>
              ) : null}
              <td>{source.ingestLagMs === null ? '–' : formatDuration(source.ingestLagMs)}</td>
              <td title={source.lastPolledAt?.toISOString()}>{formatAgo(source.lastPolledAt)}</td>
              <td>{describeBackfill(source.backfill)}</td>
              <td>
                {source.lastError || source.failingLogGroups.length > 0 ? (
                  <>
                    <span className="badge badge-bad">{source.lastError ? 'failing' : `${source.failingLogGroups.length} log groups failing`}</span>
                    <div className="hint error-text">{source.lastError ?? `${source.failingLogGroups[0]?.logGroupName}: ${source.failingLogGroups[0]?.lastError}`}</div>
                  </>
                ) : (
                  <span className="badge badge-ok">ok</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
