import { describe, expect, test } from 'vitest';
import { parseLogEvent, type ReportRecord } from '@/lib/lambda-logs';

const id = '06e46194-f277-454e-88d3-1dd7e3860eaa';
const report = (fields: Omit<ReportRecord, 'kind' | 'format' | 'requestId'>, requestId = id): ReportRecord => ({ kind: 'report', format: 'text', requestId, ...fields });

describe('Text REPORT (FORMATS.md §1.4)', () => {
  test.each<[string, string, ReportRecord]>([
    [
      'canonical warm line with trailing tab and \\n [S2]',
      `REPORT RequestId: ${id}\tDuration: 0.97 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 37 MB\t\n`,
      report({ durationMs: 0.97, billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 37 }),
    ],
    [
      '§9.1 two lines in one event: the X-Ray line after \\t\\n [S2]',
      `REPORT RequestId: ${id}\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 190.62 ms\t\nXRAY TraceId: 1-636d1462-33ef10600061cad86dab71c8\tSegmentId: 7ccb4860675ee485\tSampled: true\t\n`,
      report({
        durationMs: 9.14,
        billedDurationMs: 10,
        memorySizeMB: 128,
        maxMemoryUsedMB: 36,
        initDurationMs: 190.62,
        xrayTraceId: '1-636d1462-33ef10600061cad86dab71c8',
        xraySegmentId: '7ccb4860675ee485',
        xraySampled: true,
      }),
    ],
    [
      '§9.1 docs render the X-Ray part on the same line after a tab [S3]',
      `REPORT RequestId: ${id}\tDuration: 128.83 ms\tBilled Duration: 200 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\tXRAY TraceId: 1-5d9d007f-0a8c7fd02xmpl480aed55ef0\tSegmentId: 3d752xmpl1bbe37e\tSampled: false`,
      report({
        durationMs: 128.83,
        billedDurationMs: 200,
        memorySizeMB: 128,
        maxMemoryUsedMB: 74,
        initDurationMs: 166.62,
        xrayTraceId: '1-5d9d007f-0a8c7fd02xmpl480aed55ef0',
        xraySegmentId: '3d752xmpl1bbe37e',
        xraySampled: false,
      }),
    ],
    [
      '§9.2 old space-before-tab and 100 ms billing [S7]',
      `REPORT RequestId: ${id}\tDuration: 89.34 ms\tBilled Duration: 100 ms \tMemory Size: 128 MB\tMax Memory Used: 111 MB\t\n`,
      report({ durationMs: 89.34, billedDurationMs: 100, memorySizeMB: 128, maxMemoryUsedMB: 111 }),
    ],
    [
      '§9.2 very old mix of a space and tabs [S3 best-practices]',
      `REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 12.34 ms\tBilled Duration: 100 ms Memory Size: 128 MB\tMax Memory Used: 18 MB`,
      report({ durationMs: 12.34, billedDurationMs: 100, memorySizeMB: 128, maxMemoryUsedMB: 18 }, '3604209a-e9a3-11e6-939a-754dd98c7be3'),
    ],
    [
      '§9.3 Init Duration first (custom runtime docs, RIE) and an elided docs id',
      `REPORT RequestId: f8ac1208... Init Duration: 48.26 ms   Duration: 237.17 ms   Billed Duration: 300 ms   Memory Size: 128 MB   Max Memory Used: 26 MB`,
      report({ initDurationMs: 48.26, durationMs: 237.17, billedDurationMs: 300, memorySizeMB: 128, maxMemoryUsedMB: 26 }, 'f8ac1208...'),
    ],
    [
      '§9.3 Duration last, after every longer *Duration key',
      `REPORT RequestId: ${id}\tBilled Restore Duration: 182 ms\tRestore Duration: 398.97 ms\tBilled Duration: 2521 ms\tInit Duration: 5 ms\tDuration: 2338.66 ms`,
      report({ billedRestoreDurationMs: 182, restoreDurationMs: 398.97, billedDurationMs: 2521, initDurationMs: 5, durationMs: 2338.66 }),
    ],
    [
      '§9.3 Status and Error Type appended on newer lines',
      `REPORT RequestId: ${id}\tDuration: 1021.23 ms\tBilled Duration: 1022 ms\tMemory Size: 128 MB\tMax Memory Used: 129 MB\tStatus: error\tError Type: Runtime.OutOfMemory\t\n`,
      report({ durationMs: 1021.23, billedDurationMs: 1022, memorySizeMB: 128, maxMemoryUsedMB: 129, status: 'error', errorType: 'Runtime.OutOfMemory' }),
    ],
    [
      '§9.4 pasted one field per line, Status: timeout at the memory limit [I2]',
      `REPORT RequestId: 514789fd-5e24-49c5-a41c-24c049a36e2a\nDuration: 180000.00 ms\nBilled Duration: 180000 ms\nMemory Size: 192 MB\nMax Memory Used: 192 MB\nStatus: timeout`,
      report({ durationMs: 180000, billedDurationMs: 180000, memorySizeMB: 192, maxMemoryUsedMB: 192, status: 'timeout' }, '514789fd-5e24-49c5-a41c-24c049a36e2a'),
    ],
    [
      '§9.4 pasted with runs of spaces [I3]',
      `REPORT RequestId: d88fc138-1756-4e8f-b887-d44851c12b84  Duration: 631.51 ms     Billed Duration: 700 ms         Memory Size: 256 MB     Max Memory Used: 18 MB`,
      report({ durationMs: 631.51, billedDurationMs: 700, memorySizeMB: 256, maxMemoryUsedMB: 18 }, 'd88fc138-1756-4e8f-b887-d44851c12b84'),
    ],
    [
      '§9.4 viewer timestamp before the line [I5]',
      `2024-09-10T13:32:59.424Z REPORT RequestId: ${id}\tDuration: 19266.38 ms\tBilled Duration: 19267 ms\tMemory Size: 2688 MB\tMax Memory Used: 2581 MB\t`,
      report({ durationMs: 19266.38, billedDurationMs: 19267, memorySizeMB: 2688, maxMemoryUsedMB: 2581 }),
    ],
    [
      '§9.4 sam logs stream and timestamp prefix, SnapStart restore fields [S6]',
      `2023/06/02/[72]88ab219a63d343d294d0a9947e8ab36a 2023-06-02T11:27:25.112000 REPORT RequestId: ${id}\tDuration: 2338.66 ms\tBilled Duration: 2521 ms\tMemory Size: 3009 MB\tMax Memory Used: 173 MB\tRestore Duration: 398.97 ms\tBilled Restore Duration: 182 ms\t`,
      report({ durationMs: 2338.66, billedDurationMs: 2521, memorySizeMB: 3009, maxMemoryUsedMB: 173, restoreDurationMs: 398.97, billedRestoreDurationMs: 182 }),
    ],
    [
      '§9.5 timeout: duration above the limit, billed capped, no status in 2020 [S1]',
      `REPORT RequestId: ${id}\tDuration: 3003.16 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 48 MB\tInit Duration: 127.02 ms\t\n`,
      report({ durationMs: 3003.16, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 48, initDurationMs: 127.02 }),
    ],
    [
      '§9.13 billed ≠ duration invents no Init Duration (100 ms rounding) [S1]',
      `REPORT RequestId: ${id}\tDuration: 619.31 ms\tBilled Duration: 700 ms\tMemory Size: 128 MB\tMax Memory Used: 118 MB\t\n`,
      report({ durationMs: 619.31, billedDurationMs: 700, memorySizeMB: 128, maxMemoryUsedMB: 118 }),
    ],
    [
      '§9.14 older OOM: Max Memory Used above Memory Size, no Status invented [I2]',
      `REPORT RequestId: ${id}\tDuration: 800.00 ms\tBilled Duration: 800 ms\tMemory Size: 128 MB\tMax Memory Used: 129 MB\t\n`,
      report({ durationMs: 800, billedDurationMs: 800, memorySizeMB: 128, maxMemoryUsedMB: 129 }),
    ],
    [
      'Lambda Managed Instances: only Duration [R3]',
      `REPORT RequestId: ${id}\tDuration: 1.15 ms\n`,
      report({ durationMs: 1.15 }),
    ],
    [
      'masked values are left out, visible ones kept [S12]',
      `REPORT RequestId: XXXX\tDuration: XXXX ms\tBilled Duration: XXXX ms\tMemory Size: 1024 MB\tMax Memory Used: XXXX MB\tInit Duration: XXXX ms\t`,
      report({ memorySizeMB: 1024 }, 'XXXX'),
    ],
    [
      'integer Init Duration from a hand-typed constant [S1]',
      `REPORT RequestId: ${id} Duration: 0.81 ms  Billed Duration: 100 ms Memory Size: 128 MB Max Memory Used: 90 MB  Init Duration: 1234 ms`,
      report({ durationMs: 0.81, billedDurationMs: 100, memorySizeMB: 128, maxMemoryUsedMB: 90, initDurationMs: 1234 }),
    ],
    [
      'CRLF line breaks between fields',
      `REPORT RequestId: ${id}\r\nDuration: 2.50 ms\r\nBilled Duration: 3 ms\r\n`,
      report({ durationMs: 2.5, billedDurationMs: 3 }),
    ],
    [
      'a cut-off line keeps what it has',
      `REPORT RequestId: ${id}\tDuration: 12.3`,
      report({ durationMs: 12.3 }),
    ],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });

  test.each<[string, string]>([
    ['no request id', 'REPORT Duration: 1.00 ms'],
    ['the keyword alone', 'REPORT'],
    ['a word that starts like it', 'REPORTING RequestId: x Duration: 1 ms'],
  ])('%s is not a report: plain, message kept', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });

  test('metrics parse exactly as Number() does', () => {
    for (const value of ['0.62', '3470.65', '2338.66', '180000.45', '190.62', '985.413', '1.28E8', '1234567890.123456']) {
      const record = parseLogEvent({ message: `REPORT RequestId: x\tDuration: ${value} ms` });
      expect(record).toMatchObject({ kind: 'report', durationMs: Number(value) });
    }
  });
});
