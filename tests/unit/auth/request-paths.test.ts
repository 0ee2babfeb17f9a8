import { expect, test } from 'vitest';
import { isPublicPath } from '../../../lib/auth/is-public-path';
import { safeCallbackPath } from '../../../lib/auth/safe-callback-path';

test.each([
  ['/signin', true],
  ['/setup', true],
  ['/invite/lsi_abc', true],
  ['/api/auth/session', true],
  ['/api/auth/callback/credentials', true],
  ['/api/ingest/firehose', true],
  ['/_next/static/chunk.js', true],
  ['/favicon.ico', true],
  ['/', false],
  ['/signin/../settings', false],
  ['/signinx', false],
  ['/setup/more', false],
  ['/invite', false],
  ['/api/authx', false],
  ['/api/v1/me', false],
  ['/api/ingest/firehose/other', false],
  ['/settings/members', false],
  ['/functions/hello', false],
])('%s is public: %s', (path, expected) => {
  expect(isPublicPath(path)).toBe(expected);
});

test.each([
  [undefined, '/'],
  ['', '/'],
  ['/functions/hello?range=1h#top', '/functions/hello?range=1h#top'],
  ['/settings/members', '/settings/members'],
  ['https://evil.example/', '/'],
  ['//evil.example/path', '/'],
  ['/\\evil.example', '/'],
  ['/\t/evil.example', '/'],
  ['javascript:alert(1)', '/'],
  ['/signin?callbackUrl=/x', '/'],
  ['/setup', '/'],
  ['/invite/lsi_abc', '/'],
])('callbackUrl %j leads to %j', (input, expected) => {
  expect(safeCallbackPath(input)).toBe(expected);
});
