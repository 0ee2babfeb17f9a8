import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { NotFoundError } from '@/lib/errors';
import { getRequestInvestigation, type AttemptInvestigation } from '@/lib/metrics/get-request-investigation';
import { formatDuration, formatTime } from '../../../components/format';
import { LogLines } from '../../../components/log-lines';
import { StatusBadge } from '../../../components/status-badge';

type Props = { params: Promise<{ requestId: string }> };

const requestIdSchema = z.string().trim().min(1).max(200);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Request ${decodeURIComponent((await params).requestId)}` };
}

/** Everything about one request id: each function that saw it, every attempt in order, why it was retried. */
export default async function RequestPage({ params }: Props) {
  const requestId = requestIdSchema.parse(decodeURIComponent((await params).requestId));
  const prisma = await getWebPrisma();
  let investigation;
  try {
    investigation = await getRequestInvestigation(prisma, requestId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return (
      <div className="empty card">
        <strong>No function has logged request {requestId}.</strong>
        Logs reach Lambdascope a few seconds after they are written; if the request is recent, wait for the next ingest cycle.
        Otherwise check the ID, or <Link href={`/search?q=${encodeURIComponent(requestId)}`}>search the log text for it</Link>.
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>
            Request <span className="mono">{requestId}</span>
          </h1>
          <p className="subtitle">
            {investigation.functions.length === 1 ? 'Seen by one function.' : `Seen by ${investigation.functions.length} functions.`}
          </p>
        </div>
      </div>
      {investigation.functions.map((entry) => (
        <section key={entry.function.id} className="card" aria-labelledby={`function-${entry.function.id}`}>
          <div className="page-header" style={{ marginBottom: '0.75rem' }}>
            <div>
              <h2 id={`function-${entry.function.id}`} style={{ margin: 0 }}>
                <Link href={`/functions/${entry.function.id}`}>{entry.function.name}</Link>
                {entry.function.deleted ? <span className="badge"> deleted</span> : null}
              </h2>
              <p className="subtitle">
                {entry.function.source.name} · {entry.function.source.region}
              </p>
            </div>
            <div style={{ textAlign: 'right' }}>
              <StatusBadge status={entry.invocation.finalStatus} />
              <p className="subtitle" data-testid="outcome">
                {capitalise(entry.invocation.outcome)} · {entry.invocation.attemptCount} {entry.invocation.attemptCount === 1 ? 'attempt' : 'attempts'}
              </p>
            </div>
          </div>
          <ol className="timeline" aria-label={`Attempts of ${requestId} in ${entry.function.name}`}>
            {entry.attempts.map((attempt) => (
              <AttemptItem key={`${attempt.logStreamName}-${attempt.number}`} attempt={attempt} />
            ))}
          </ol>
          {entry.unassignedLogLines.length > 0 ? (
            <details>
              <summary>{entry.unassignedLogLines.length} more log lines with this request ID, outside any attempt</summary>
              <LogLines lines={entry.unassignedLogLines} />
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function AttemptItem({ attempt }: { attempt: AttemptInvestigation }) {
  const tone = attempt.status === 'success' ? 'timeline-ok' : attempt.status === 'running' ? '' : 'timeline-bad';
  return (
    <li className={tone} data-testid="attempt">
      {attempt.gapBeforeMs !== null ? (
        <p className="gap">
          Retried {formatDuration(attempt.gapBeforeMs)} after the previous attempt ended
          {attempt.number > 1 ? ' (Lambda retries a failed asynchronous event after a delay, under the same request ID)' : ''}
        </p>
      ) : null}
      <h3 style={{ margin: '0 0 0.35rem', fontSize: '1rem' }}>
        Attempt {attempt.number} <StatusBadge status={attempt.status} />{' '}
        {attempt.coldStart ? (
          <span className="badge badge-info">cold start{attempt.initDurationMs !== null ? ` · init ${formatDuration(attempt.initDurationMs)}` : ''}</span>
        ) : (
          <span className="badge">warm</span>
        )}
        {attempt.initType === 'provisioned-concurrency' ? <span className="badge"> provisioned</span> : null}
      </h3>
      <dl className="kv">
        <dt>Started</dt>
        <dd>
          {formatTime(attempt.startedAt)}
          {attempt.startedAtEstimated ? ' (estimated: its START line was not seen)' : ''}
        </dd>
        <dt>Duration</dt>
        <dd>
          {formatDuration(attempt.durationMs)}
          {attempt.billedDurationMs !== null ? ` (billed ${formatDuration(attempt.billedDurationMs)})` : ''}
        </dd>
        <dt>Memory</dt>
        <dd>
          {attempt.maxMemoryUsedMB ?? '–'} of {attempt.memorySizeMB ?? '–'} MB used
        </dd>
        <dt>Version</dt>
        <dd>{attempt.version ?? '–'}</dd>
        {attempt.xrayTraceId ? (
          <>
            <dt>X-Ray trace</dt>
            <dd className="mono">
              <Link href={`/search?q=${encodeURIComponent(attempt.xrayTraceId)}`}>{attempt.xrayTraceId}</Link>
            </dd>
          </>
        ) : null}
        <dt>Log stream</dt>
        <dd className="mono">{attempt.logStreamName}</dd>
      </dl>
      {attempt.error && (attempt.error.type || attempt.error.message) ? (
        <div className="notice notice-error" style={{ marginTop: '0.6rem' }}>
          <strong>{attempt.error.type ?? 'Error'}</strong>
          {attempt.error.message ? `: ${attempt.error.message}` : ''}
          {attempt.error.stack ? <pre className="log-lines" style={{ marginTop: '0.5rem' }}>{attempt.error.stack}</pre> : null}
        </div>
      ) : null}
      <details open={attempt.logLines.length <= 20} style={{ marginTop: '0.6rem' }}>
        <summary>
          {attempt.logLines.length} log {attempt.logLines.length === 1 ? 'line' : 'lines'}
        </summary>
        <LogLines lines={attempt.logLines} />
      </details>
    </li>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
