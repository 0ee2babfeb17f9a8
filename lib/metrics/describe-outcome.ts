import type { AttemptStatus } from '../ingest/attempt-fragment';

/**
 * Lambda's default for asynchronous invocations is two retries (MaximumRetryAttempts 2): a third
 * failed attempt means it gave up. A function's own setting is not known from its logs.
 */
export const DEFAULT_ASYNC_ATTEMPTS = 3;

const failedOnce: Record<Exclude<AttemptStatus, 'success' | 'running'>, string> = {
  error: 'failed',
  timeout: 'timed out',
  out_of_memory: 'ran out of memory',
  init_error: 'failed during init',
  crashed: 'crashed',
};

/** What the function's configuration says happens to a failed asynchronous event (null: not known). */
export type AsyncFailureConfig = { maxRetryAttempts: number | null; onFailureDestination: string | null; deadLetterTarget: string | null };

/**
 * How an invocation ended, in words: "succeeded after 2 retries", "failed after 3 attempts (retries
 * exhausted); the event went to the on-failure destination arn:…". Pure.
 */
export function describeOutcome(invocation: { attemptCount: number; finalStatus: string }, asyncConfig?: AsyncFailureConfig): string {
  const attempts = Math.max(1, invocation.attemptCount);
  const retries = attempts - 1;
  const status = invocation.finalStatus as AttemptStatus;
  if (status === 'success') {
    return retries === 0 ? 'succeeded' : `succeeded after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
  }
  if (status === 'running') return attempts === 1 ? 'still running' : `still running (attempt ${attempts})`;
  const once = failedOnce[status] ?? `ended with status ${invocation.finalStatus}`;
  if (attempts === 1) return once;
  const last = status === 'error' ? '' : `, the last ${once}`;
  const allowed = (asyncConfig?.maxRetryAttempts ?? DEFAULT_ASYNC_ATTEMPTS - 1) + 1;
  if (attempts < allowed) return `failed after ${attempts} attempts${last}`;
  return `failed after ${attempts} attempts (retries exhausted)${last}${asyncConfig ? `; ${failedEventFate(asyncConfig)}` : ''}`;
}

/** Lambda sends an event that exhausted its retries to the on-failure destination, else the DLQ, else drops it. */
function failedEventFate(config: AsyncFailureConfig): string {
  if (config.onFailureDestination) return `the event went to the on-failure destination ${config.onFailureDestination}`;
  if (config.deadLetterTarget) return `the event went to the dead-letter queue ${config.deadLetterTarget}`;
  return 'the event was dropped (no on-failure destination or dead-letter queue)';
}
