import type { FunctionDetail } from '@/lib/metrics/get-function-detail';
import { formatAgo } from '../../../components/format';

/** The function's configuration as discovery last saw it. */
export function FunctionConfiguration({ detail }: { detail: FunctionDetail }) {
  return (
    <section className="card" aria-labelledby="configuration-heading">
      <h2 id="configuration-heading">Configuration</h2>
      <dl className="kv">
        <dt>Runtime</dt>
        <dd>{detail.runtime ?? 'container image'}</dd>
        <dt>Architecture</dt>
        <dd>{detail.architecture}</dd>
        <dt>Memory</dt>
        <dd>{detail.memorySizeMB} MB</dd>
        <dt>Timeout</dt>
        <dd>{detail.timeoutSeconds} s</dd>
        <dt>Reserved concurrency</dt>
        <dd>{detail.reservedConcurrency ?? 'none (unreserved account pool)'}</dd>
        <dt>Provisioned concurrency</dt>
        <dd>{detail.provisionedConcurrency ?? 'none'}</dd>
        <dt>Log format</dt>
        <dd>{detail.logFormat}</dd>
        <dt>Log group</dt>
        <dd className="mono">{detail.logGroupName}</dd>
        <dt>ARN</dt>
        <dd className="mono">{detail.arn}</dd>
        <dt>Last seen by discovery</dt>
        <dd title={detail.updatedAt.toISOString()}>{detail.deleted ? `deleted ${formatAgo(detail.deletedAt)}` : formatAgo(detail.updatedAt)}</dd>
      </dl>
    </section>
  );
}
