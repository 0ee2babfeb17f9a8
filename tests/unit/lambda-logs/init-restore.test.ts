import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const arn = 'arn:aws:lambda:us-east-2::runtime:d949ec0248c1b8fbc8cbc6df1c986e05fb933506b51d53be82d46f9a37125bea';

describe('INIT_START, INIT_REPORT, RESTORE_START, RESTORE_REPORT (FORMATS.md §1.1, §1.5, §1.6)', () => {
  test.each<[string, string, LogRecord]>([
    ['INIT_START, canonical [S8]', `INIT_START Runtime Version: nodejs:18.v18\tRuntime Version ARN: ${arn}\n`, { kind: 'init-start', format: 'text', runtimeVersion: 'nodejs:18.v18', runtimeVersionArn: arn }],
    [
      'INIT_START as the docs render it: spaces, stray character in the ARN [D4]',
      'INIT_START Runtime Version: python:3.13.v14    Runtime Version ARN: arn:aws:lambda:eu-south-1::runtime:07a48df201798d627f2b950f03bb227aab4a655a1d019c3296406f95937e2525127e9e6I',
      {
        kind: 'init-start',
        format: 'text',
        runtimeVersion: 'python:3.13.v14',
        runtimeVersionArn: 'arn:aws:lambda:eu-south-1::runtime:07a48df201798d627f2b950f03bb227aab4a655a1d019c3296406f95937e2525127e9e6I',
      },
    ],
    ['INIT_REPORT timeout in the invoke phase, pasted with spaces [I2]', 'INIT_REPORT Init Duration: 180000.45 ms Phase: invoke Status: timeout', { kind: 'init-report', format: 'text', durationMs: 180000.45, phase: 'invoke', status: 'timeout' }],
    [
      'INIT_REPORT init error with an error type',
      'INIT_REPORT Init Duration: 1234.56 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError\t\n',
      { kind: 'init-report', format: 'text', durationMs: 1234.56, phase: 'init', status: 'error', errorType: 'Runtime.ImportModuleError' },
    ],
    ['INIT_REPORT with an unknown phase keeps the rest', 'INIT_REPORT Init Duration: 3.00 ms\tPhase: restore\tStatus: error', { kind: 'init-report', format: 'text', durationMs: 3, status: 'error' }],
    [
      'RESTORE_START (SnapStart) after a sam logs prefix [S6]',
      '2023/06/02/[72]88ab219a63d343d294d0a9947e8ab36a 2023-06-02T11:27:22.355000 RESTORE_START Runtime Version: java:11.v20\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:b8b295733fb8ae6769e0fb039181ce76e1f54a4d04bb5ca7ded937bb0d839109',
      { kind: 'restore-start', runtimeVersion: 'java:11.v20', runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:b8b295733fb8ae6769e0fb039181ce76e1f54a4d04bb5ca7ded937bb0d839109' },
    ],
    ['RESTORE_REPORT [S6]', 'RESTORE_REPORT Restore Duration: 398.97 ms\n', { kind: 'restore-report', durationMs: 398.97 }],
    ['RESTORE_REPORT failure', 'RESTORE_REPORT Restore Duration: 10.00 ms\tStatus: failure\tError Type: RestoreError', { kind: 'restore-report', durationMs: 10, status: 'failure', errorType: 'RestoreError' }],
    ['INIT_START with no fields at all', 'INIT_START', { kind: 'init-start', format: 'text' }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});
