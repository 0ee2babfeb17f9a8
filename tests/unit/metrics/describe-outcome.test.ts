import { expect, test } from 'vitest';
import { describeOutcome } from '../../../lib/metrics/describe-outcome';

test.each([
  { attemptCount: 1, finalStatus: 'success', outcome: 'succeeded' },
  { attemptCount: 2, finalStatus: 'success', outcome: 'succeeded after 1 retry' },
  { attemptCount: 3, finalStatus: 'success', outcome: 'succeeded after 2 retries' },
  { attemptCount: 1, finalStatus: 'error', outcome: 'failed' },
  { attemptCount: 1, finalStatus: 'timeout', outcome: 'timed out' },
  { attemptCount: 1, finalStatus: 'out_of_memory', outcome: 'ran out of memory' },
  { attemptCount: 1, finalStatus: 'init_error', outcome: 'failed during init' },
  { attemptCount: 1, finalStatus: 'crashed', outcome: 'crashed' },
  { attemptCount: 1, finalStatus: 'running', outcome: 'still running' },
  { attemptCount: 2, finalStatus: 'running', outcome: 'still running (attempt 2)' },
  { attemptCount: 2, finalStatus: 'error', outcome: 'failed after 2 attempts' },
  { attemptCount: 3, finalStatus: 'error', outcome: 'failed after 3 attempts (retries exhausted)' },
  { attemptCount: 3, finalStatus: 'timeout', outcome: 'failed after 3 attempts (retries exhausted), the last timed out' },
  { attemptCount: 2, finalStatus: 'crashed', outcome: 'failed after 2 attempts, the last crashed' },
  { attemptCount: 1, finalStatus: 'mystery', outcome: 'ended with status mystery' },
  { attemptCount: 0, finalStatus: 'success', outcome: 'succeeded' },
])('$attemptCount × $finalStatus → "$outcome"', ({ attemptCount, finalStatus, outcome }) => {
  expect(describeOutcome({ attemptCount, finalStatus })).toBe(outcome);
});

test.each([
  [{ maxRetryAttempts: null, onFailureDestination: 'arn:aws:sqs:us-east-1:1:failures', deadLetterTarget: null }, 3, 'failed after 3 attempts (retries exhausted); the event went to the on-failure destination arn:aws:sqs:us-east-1:1:failures'],
  [{ maxRetryAttempts: 2, onFailureDestination: null, deadLetterTarget: 'arn:aws:sqs:us-east-1:1:dlq' }, 3, 'failed after 3 attempts (retries exhausted); the event went to the dead-letter queue arn:aws:sqs:us-east-1:1:dlq'],
  [{ maxRetryAttempts: 2, onFailureDestination: null, deadLetterTarget: null }, 3, 'failed after 3 attempts (retries exhausted); the event was dropped (no on-failure destination or dead-letter queue)'],
  [{ maxRetryAttempts: 1, onFailureDestination: null, deadLetterTarget: null }, 2, 'failed after 2 attempts (retries exhausted); the event was dropped (no on-failure destination or dead-letter queue)'],
  [{ maxRetryAttempts: 2, onFailureDestination: 'arn:x', deadLetterTarget: null }, 2, 'failed after 2 attempts'],
])('with the function async config %j, %i failed attempts', (config, attemptCount, outcome) => {
  expect(describeOutcome({ attemptCount, finalStatus: 'error' }, config)).toBe(outcome);
});
