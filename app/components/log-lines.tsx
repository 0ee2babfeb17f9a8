import type { LogLine } from '@/lib/metrics/assign-log-lines';

const PLATFORM_KINDS = new Set(['start', 'end', 'report', 'init-start', 'init-report', 'restore-start', 'restore-report', 'extension', 'subscription']);
const FAILURE_KINDS = new Set(['timeout', 'runtime-exit']);

/** Log lines as CloudWatch shows them, platform lines and failures set apart by colour. */
export function LogLines({ lines }: { lines: ReadonlyArray<{ timestamp: Date | string; kind: LogLine['kind']; message: string }> }) {
  if (lines.length === 0) return <p className="hint">No log lines.</p>;
  return (
    <pre className="log-lines" data-testid="log-lines">
      {lines.map((line, index) => (
        <span key={index} className={`log-line ${PLATFORM_KINDS.has(line.kind) ? 'log-line-platform' : FAILURE_KINDS.has(line.kind) || /\bERROR\b/.test(line.message) ? 'log-line-error' : ''}`}>
          <time dateTime={new Date(line.timestamp).toISOString()}>{new Date(line.timestamp).toISOString().slice(11, 23)}</time>
          {line.message.replace(/\n$/, '')}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
