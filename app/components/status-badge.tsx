import { statusTone } from './format';

const labels: Record<string, string> = {
  success: 'success',
  error: 'error',
  timeout: 'timeout',
  out_of_memory: 'out of memory',
  init_error: 'init error',
  crashed: 'crashed',
  running: 'running',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${statusTone(status)}`}>{labels[status] ?? status}</span>;
}
