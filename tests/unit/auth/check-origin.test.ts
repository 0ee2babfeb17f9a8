import { expect, test } from 'vitest';
import { checkOrigin } from '../../../lib/auth/check-origin';
import { listServerOrigins } from '../../../lib/auth/list-server-origins';

const ours = ['http://localhost:3000'];

test.each([
  ['GET without Origin', 'GET', null, true],
  ['HEAD from elsewhere', 'HEAD', 'https://evil.example', true],
  ['POST from our origin', 'POST', 'http://localhost:3000', true],
  ['DELETE from our origin with a trailing slash', 'DELETE', 'http://localhost:3000/', true],
  ['POST without Origin', 'POST', null, false],
  ['POST with Origin null (sandboxed or privacy-redirected)', 'POST', 'null', false],
  ['POST from another site', 'POST', 'https://evil.example', false],
  ['PUT from another port', 'PUT', 'http://localhost:3001', false],
  ['PATCH from https of our host', 'PATCH', 'https://localhost:3000', false],
  ['POST from a subdomain lookalike', 'POST', 'http://localhost:3000.evil.example', false],
  ['POST with garbage', 'POST', 'not a url', false],
  ['lower-case method', 'post', 'https://evil.example', false],
] as const)('%s', (_name, method, origin, ok) => {
  const result = checkOrigin({ method, origin, serverOrigins: ours });
  expect(result.ok).toBe(ok);
  if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
});

test('the refusal names the problem', () => {
  expect(checkOrigin({ method: 'POST', origin: 'https://evil.example', serverOrigins: ours })).toEqual({
    ok: false,
    message: 'Cross-site request refused: Origin https://evil.example is not this server (http://localhost:3000).',
  });
  expect(checkOrigin({ method: 'POST', origin: null, serverOrigins: ours })).toMatchObject({ ok: false, message: expect.stringContaining('Origin header') as unknown });
});

test.each([
  ['NEXTAUTH_URL alone when set', 'https://scope.example.com/app', { host: '10.0.0.5:3000', forwardedHost: null, forwardedProto: null, protocol: 'http:' }, ['https://scope.example.com']],
  ['the Host over the URL protocol', undefined, { host: 'localhost:3000', forwardedHost: null, forwardedProto: null, protocol: 'http:' }, ['http://localhost:3000']],
  ['x-forwarded-host and -proto from a proxy, and the Host', undefined, { host: 'app:3000', forwardedHost: 'scope.example.com', forwardedProto: 'https', protocol: 'http:' }, ['https://scope.example.com', 'https://app:3000']],
  ['the first of comma-separated forwarded values', undefined, { host: 'app', forwardedHost: 'a.example, b.example', forwardedProto: 'https, http', protocol: 'http:' }, ['https://a.example', 'https://app']],
  ['default ports dropped, as browsers send Origin', undefined, { host: 'example.com:80', forwardedHost: null, forwardedProto: null, protocol: 'http:' }, ['http://example.com']],
  ['nothing from an unusable Host', undefined, { host: 'bad host/x', forwardedHost: null, forwardedProto: null, protocol: 'http:' }, []],
] as const)('server origins: %s', (_name, publicUrl, arrival, expected) => {
  expect(listServerOrigins(publicUrl, arrival)).toEqual(expected);
});
