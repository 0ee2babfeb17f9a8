import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createUser } from '../../lib/auth/create-user';
import { guardRequest, type GuardDependencies } from '../../lib/auth/guard-request';
import { issueSessionCookie } from '../../lib/auth/issue-session-cookie';
import { revokeAuthSession } from '../../lib/auth/revoke-auth-session';
import { AppError } from '../../lib/errors';
import { openAuthTestDatabase, uniqueEmail, viewerOf, type AuthTestDatabase } from '../support/auth-fixtures';

const secret = 'guard-test-secret-of-at-least-thirty-two-chars';
const site = 'http://localhost:3000';
let db: AuthTestDatabase;
let empty: AuthTestDatabase;
let sessionCookie: string;
let tokenSecret: string;

beforeAll(async () => {
  [db, empty] = await Promise.all([openAuthTestDatabase('auth_guard'), openAuthTestDatabase('auth_guard_empty')]);
  const admin = await createUser(db.prisma, { email: uniqueEmail('admin'), name: 'Admin', role: 'admin', password: 'admin password 1' });
  const cookie = await issueSessionCookie(db.prisma, { userId: admin.id, secret, hours: 1 });
  sessionCookie = `${cookie.name}=${cookie.value}`;
  tokenSecret = (await createApiToken(db.prisma, { actor: viewerOf(admin), name: 'guard', role: 'viewer' })).secret;
});

afterAll(async () => {
  await Promise.all([db?.close(), empty?.close()]);
});

const deps = (database: () => AuthTestDatabase, publicUrl?: string): GuardDependencies => ({
  publicUrl,
  open: () => Promise.resolve({ prisma: database().prisma, secret }),
});

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(`${site}${path}`, { method: init.method ?? 'GET', headers: { host: 'localhost:3000', ...init.headers } });
}

const passes = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('signed out', () => {
  test.each(['/', '/functions/hello', '/settings/members', '/requests/abc?x=1', '/no-such-page'])('a page visit to %s is sent to sign in, with where it was going', async (path) => {
    const response = await guardRequest(request(path), deps(() => db));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') as string);
    expect(location.pathname).toBe('/signin');
    expect(location.searchParams.get('callbackUrl')).toBe(path);
  });

  test.each([
    ['GET', '/api/v1/me'],
    ['POST', '/api/v1/tokens'],
    ['DELETE', '/api/v1/tokens/1'],
    ['GET', '/api/anything-new'],
    ['POST', '/settings/members'],
  ])('%s %s gets 401 JSON in the one error shape', async (method, path) => {
    const response = await guardRequest(request(path, { method }), deps(() => db));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) as unknown } });
  });

  test.each(['/signin', '/setup', '/invite/lsi_x', '/api/auth/csrf', '/api/auth/callback/credentials', '/api/ingest/firehose', '/_next/static/x.js'])('%s is public', async (path) => {
    expect(passes(await guardRequest(request(path), deps(() => db)))).toBe(true);
  });

  test('before the first account exists, pages lead to /setup', async () => {
    const response = await guardRequest(request('/functions/x'), deps(() => empty));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location') as string).pathname).toBe('/setup');
  });

  test('a forged or revoked session cookie is no session', async () => {
    for (const cookie of ['next-auth.session-token=forged', `${sessionCookie}x`]) {
      expect((await guardRequest(request('/', { headers: { cookie } }), deps(() => db))).status).toBe(307);
    }
  });
});

describe('signed in', () => {
  test('a session cookie or an API token passes', async () => {
    expect(passes(await guardRequest(request('/settings/members', { headers: { cookie: sessionCookie } }), deps(() => db)))).toBe(true);
    expect(passes(await guardRequest(request('/api/v1/me', { headers: { authorization: `Bearer ${tokenSecret}` } }), deps(() => db)))).toBe(true);
  });

  test('a wrong API token is 401, even with a valid cookie alongside', async () => {
    const response = await guardRequest(request('/api/v1/me', { headers: { authorization: 'Bearer lsk_wrong', cookie: sessionCookie } }), deps(() => db));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('This API token is unknown, revoked or expired.');
  });

  test.each([
    ['POST', { origin: site }, true],
    ['DELETE', { origin: site }, true],
    ['POST', {}, false],
    ['POST', { origin: 'https://evil.example' }, false],
    ['PATCH', { origin: 'http://localhost:3001' }, false],
    ['GET', { origin: 'https://evil.example' }, true],
  ] as const)('cookie-authenticated %s with %j passes the Origin check: %s', async (method, headers, ok) => {
    const response = await guardRequest(request('/api/v1/tokens', { method, headers: { cookie: sessionCookie, ...headers } }), deps(() => db));
    expect(passes(response)).toBe(ok);
    if (!ok) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/Origin/) as unknown } });
    }
  });

  test('the Origin check applies on public paths too when a cookie is sent (sign-out), and not to Bearer requests', async () => {
    expect((await guardRequest(request('/api/auth/signout', { method: 'POST', headers: { cookie: sessionCookie, origin: 'https://evil.example' } }), deps(() => db))).status).toBe(403);
    expect(passes(await guardRequest(request('/api/v1/tokens', { method: 'POST', headers: { authorization: `Bearer ${tokenSecret}` } }), deps(() => db)))).toBe(true);
  });

  test('with NEXTAUTH_URL set, its origin is the only one accepted', async () => {
    const publicUrl = 'https://scope.example.com';
    const from = async (origin: string) =>
      passes(await guardRequest(request('/api/v1/tokens', { method: 'POST', headers: { cookie: sessionCookie, origin } }), deps(() => db, publicUrl)));
    expect(await from('https://scope.example.com')).toBe(true);
    expect(await from(site)).toBe(false);
  });

  test('revoking the session signs the cookie out at once', async () => {
    const user = await createUser(db.prisma, { email: uniqueEmail('revoked'), name: 'Revoked', role: 'viewer', password: 'viewer password 1' });
    const cookie = await issueSessionCookie(db.prisma, { userId: user.id, secret, hours: 1 });
    const visit = () => guardRequest(request('/', { headers: { cookie: `${cookie.name}=${cookie.value}` } }), deps(() => db));
    expect(passes(await visit())).toBe(true);
    await revokeAuthSession(db.prisma, { sessionId: cookie.sessionId });
    expect((await visit()).status).toBe(307);
  });
});

test('a database that cannot be opened is a 503 for protected paths, and public paths still pass', async () => {
  // What openSharedDatabase throws when PostgreSQL is down.
  const down: GuardDependencies = { publicUrl: undefined, open: () => Promise.reject(new AppError('unavailable', 'the database is unavailable: connection refused')) };
  expect(passes(await guardRequest(request('/signin'), down))).toBe(true);
  const response = await guardRequest(request('/'), down);
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ error: { code: 'unavailable', message: 'the database is unavailable: connection refused' } });
});
