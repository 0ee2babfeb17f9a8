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

/** How an invocation ended, in words: "succeeded after 2 retries", "failed after 3 attempts (retries exhausted)". Pure. */
export function describeOutcome(invocation: { attemptCount: number; finalStatus: string }): string {
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
  const exhausted = attempts >= DEFAULT_ASYNC_ATTEMPTS ? ' (retries exhausted)' : '';
  return `failed after ${attempts} attempts${exhausted}${last}`;
}
