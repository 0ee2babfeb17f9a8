import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const id = '45b36944-5896-4d3b-a4eb-b2af494eb662';

describe('Task timed out (FORMATS.md §1.8, §9.5)', () => {
  test.each<[string, string, LogRecord]>([
    ['space-separated, blank line after it [S1]', `2020-06-09T15:02:26.150Z ${id} Task timed out after 3.00 seconds\n\n`, { kind: 'timeout', requestId: id, timeoutSeconds: 3 }],
    ['the 15-minute maximum', `2024-01-01T00:15:00.000Z ${id} Task timed out after 900.00 seconds`, { kind: 'timeout', requestId: id, timeoutSeconds: 900 }],
    ['a fractional limit', `2024-01-01T00:00:01.500Z ${id} Task timed out after 1.50 seconds\n`, { kind: 'timeout', requestId: id, timeoutSeconds: 1.5 }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});

describe('runtime exits (FORMATS.md §1.9, §9.6)', () => {
  test.each<[string, string, LogRecord]>([
    [
      'OOM kill: signal: killed, error type after \\n [I1]',
      `RequestId: ${id} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`,
      { kind: 'runtime-exit', requestId: id, reason: 'Runtime exited with error: signal: killed', errorType: 'Runtime.ExitError', signal: 'killed', outOfMemory: true },
    ],
    [
      'exit status 137 [I3]',
      `RequestId: ${id} Error: Runtime exited with error: exit status 137\nRuntime.ExitError\n`,
      { kind: 'runtime-exit', requestId: id, reason: 'Runtime exited with error: exit status 137', errorType: 'Runtime.ExitError', exitStatus: 137, outOfMemory: false },
    ],
    [
      'without providing a reason',
      `RequestId: ${id} Error: Runtime exited without providing a reason\nRuntime.ExitError`,
      { kind: 'runtime-exit', requestId: id, reason: 'Runtime exited without providing a reason', errorType: 'Runtime.ExitError', outOfMemory: false },
    ],
    [
      'no RequestId prefix, \\n turned into a space',
      'Error: Runtime exited with error: signal: killed Runtime.ExitError',
      { kind: 'runtime-exit', reason: 'Runtime exited with error: signal: killed', errorType: 'Runtime.ExitError', signal: 'killed', outOfMemory: true },
    ],
    [
      'Error without the colon [I5]',
      'Error Runtime exited with error: signal: killed\nRuntime.ExitError',
      { kind: 'runtime-exit', reason: 'Runtime exited with error: signal: killed', errorType: 'Runtime.ExitError', signal: 'killed', outOfMemory: true },
    ],
    [
      'a multi-word signal, CRLF',
      `RequestId: ${id} Error: Runtime exited with error: signal: segmentation fault (core dumped)\r\nRuntime.ExitError`,
      { kind: 'runtime-exit', requestId: id, reason: 'Runtime exited with error: signal: segmentation fault (core dumped)', errorType: 'Runtime.ExitError', signal: 'segmentation fault (core dumped)', outOfMemory: false },
    ],
    [
      'legacy wording (≤2019) [S3]',
      `RequestId: ${id} Process exited before completing request\n`,
      { kind: 'runtime-exit', requestId: id, reason: 'Process exited before completing request', errorType: 'Runtime.ExitError', outOfMemory: false },
    ],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });

  test.each<[string, string]>([
    ['a RequestId: line that is something else', `RequestId: ${id} Something else happened`],
    ['an Error: line from the function', 'Error: connect ECONNREFUSED 127.0.0.1:5432'],
  ])('%s stays plain', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });
});
