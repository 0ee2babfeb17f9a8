import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const id = '4ce9340a-b765-490f-ad8a-02ab3415e2bf';

describe('START and END (FORMATS.md §1.2, §1.3)', () => {
  test.each<[string, string, LogRecord]>([
    ['START, canonical [S3]', `START RequestId: ${id} Version: $LATEST\n`, { kind: 'start', requestId: id, version: '$LATEST', format: 'text' }],
    ['START of a published version [S6]', `START RequestId: ${id} Version: 72\n`, { kind: 'start', requestId: id, version: '72', format: 'text' }],
    ['START without Version (2014 runtime)', `START RequestId: ${id}\n`, { kind: 'start', requestId: id, format: 'text' }],
    ['START with a tab before Version (Managed Instances emulator) [R3]', `START RequestId: ${id}\tVersion: $LATEST\n`, { kind: 'start', requestId: id, version: '$LATEST', format: 'text' }],
    ['START with trailing spaces from a README [S9]', `START RequestId: ${id} Version: $LATEST    `, { kind: 'start', requestId: id, version: '$LATEST', format: 'text' }],
    ['§9.7 docs id with xmpl [S3]', 'START RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Version: $LATEST', { kind: 'start', requestId: '8f507cfc-xmpl-4697-b07a-ac58fc914c95', version: '$LATEST', format: 'text' }],
    ['§9.7 32-hex id of the Logs API examples', 'START RequestId: 6f7f0961f83442118a7af6fe80b88d56 Version: $LATEST', { kind: 'start', requestId: '6f7f0961f83442118a7af6fe80b88d56', version: '$LATEST', format: 'text' }],
    ['§9.4 START after a viewer timestamp [I5]', `2024-09-10T13:32:01.978Z START RequestId: ${id} Version: $LATEST`, { kind: 'start', requestId: id, version: '$LATEST', format: 'text' }],
    ['END, canonical', `END RequestId: ${id}\n`, { kind: 'end', requestId: id }],
    ['END with CRLF', `END RequestId: ${id}\r\n`, { kind: 'end', requestId: id }],
    ['END, masked id [S12]', 'END RequestId: XXXX', { kind: 'end', requestId: 'XXXX' }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });

  test.each<[string, string]>([
    ['START without RequestId', 'START Version: $LATEST'],
    ['END without an id', 'END RequestId: '],
    ['words that start like a keyword', 'STARTED the job'],
    ['ENDPOINT line', 'ENDPOINT=https://example.com'],
  ])('%s stays plain', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });
});
