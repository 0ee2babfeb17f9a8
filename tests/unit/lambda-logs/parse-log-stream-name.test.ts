import { expect, test } from 'vitest';
import { parseLogStreamName } from '@/lib/lambda-logs';

test.each<[string, string, ReturnType<typeof parseLogStreamName>]>([
  ['default stream, $LATEST [S2]', '2022/11/10/[$LATEST]26b6a45d574f442ea0a5c1a2d7c8b1a0', { date: '2022-11-10', version: '$LATEST', environmentId: '26b6a45d574f442ea0a5c1a2d7c8b1a0' }],
  ['published version [S6]', '2023/06/02/[72]88ab219a63d343d294d0a9947e8ab36a', { date: '2023-06-02', version: '72', environmentId: '88ab219a63d343d294d0a9947e8ab36a' }],
  [
    '§9.16 custom log group: the function name is in the stream [D9][S1]',
    '2020/03/05/test-customized-loggroup[$LATEST]0123456789abcdef0123456789abcdef',
    { date: '2020-03-05', functionName: 'test-customized-loggroup', version: '$LATEST', environmentId: '0123456789abcdef0123456789abcdef' },
  ],
  ['not a Lambda stream', 'i-0123456789abcdef0', null],
  ['an environment id that is not 32 lowercase hex', '2022/11/10/[$LATEST]26B6A45D', null],
  ['empty', '', null],
])('%s', (_name, name, expected) => {
  expect(parseLogStreamName(name)).toStrictEqual(expected);
});
