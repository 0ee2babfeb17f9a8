import { expect, test } from 'vitest';
import { findFunctionForStream } from '../../../lib/ingest/find-function-for-stream';

test.each([
  ['/aws/lambda/orders', '2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef', 'orders'],
  ['/aws/lambda/orders', 'anything', 'orders'],
  ['/shared/app', '2026/11/22/billing[7]0123456789abcdef0123456789abcdef', 'billing'],
  ['/aws/vendedlogs/x', '2020/03/05/test-customized-loggroup[$LATEST]0123456789abcdef0123456789abcdef', 'test-customized-loggroup'],
  ['/shared/app', '2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef', null],
  ['/jesse/test', 'test', null],
  ['/aws/lambda/', 'test', null],
])('%s %s → %s', (logGroupName, logStreamName, name) => {
  expect(findFunctionForStream({ logGroupName, logStreamName })).toBe(name);
});
