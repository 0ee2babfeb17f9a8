import { expect, test } from 'vitest';
import { readRequestCredentials } from '../../../lib/auth/read-request-credentials';

const read = (headers: Record<string, string>) => readRequestCredentials(new Headers(headers));

test.each([
  ['nothing', {}, { bearerToken: null, sessionToken: null }],
  ['a Bearer token', { authorization: 'Bearer lsk_abc' }, { bearerToken: 'lsk_abc', sessionToken: null }],
  ['a bearer token in any case', { authorization: 'bearer  lsk_abc ' }, { bearerToken: 'lsk_abc', sessionToken: null }],
  ['a Bearer token over a cookie', { authorization: 'Bearer lsk_abc', cookie: 'next-auth.session-token=jwt' }, { bearerToken: 'lsk_abc', sessionToken: null }],
  ['Basic credentials: not ours, the cookie counts', { authorization: 'Basic dXNlcjpwYXNz', cookie: 'next-auth.session-token=jwt' }, { bearerToken: null, sessionToken: 'jwt' }],
  ['the plain session cookie among others', { cookie: 'theme=dark; next-auth.session-token=a.b.c; other=1' }, { bearerToken: null, sessionToken: 'a.b.c' }],
  ['the __Secure- cookie', { cookie: '__Secure-next-auth.session-token=s.e.c' }, { bearerToken: null, sessionToken: 's.e.c' }],
  ['a cookie split in chunks', { cookie: 'next-auth.session-token.1=def; next-auth.session-token.0=abc' }, { bearerToken: null, sessionToken: 'abcdef' }],
  ['the CSRF cookie only', { cookie: 'next-auth.csrf-token=x' }, { bearerToken: null, sessionToken: null }],
])('%s', (_name, headers, expected) => {
  expect(read(headers)).toEqual(expected);
});
