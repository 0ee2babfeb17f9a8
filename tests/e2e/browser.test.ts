import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createUser } from '../../lib/auth/create-user';
import { isPublicPath } from '../../lib/auth/is-public-path';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startLambdascope, type RunningLambdascope } from '../support/start-lambdascope';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The whole product as a user meets it: `lambdascope start` (emulator with demo traffic, worker,
 * the production web build) driven in Debian's Chromium. Steps run in order and share the server.
 */
const SCREENSHOTS = path.resolve('test-results/screenshots');
const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const viewer = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewer password 1' };

let database: TestDatabase;
let prisma: PrismaClient;
let app: RunningLambdascope;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  database = await createTestDatabase('e2e');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  app = await startLambdascope({ databaseUrl: database.url });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  const code = await app?.stop();
  if (code !== 0 && app) console.error(app.output().slice(-4000));
  await prisma?.$disconnect();
  await database?.drop();
}, 120_000);

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${app.url}/signin`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Every page and route handler under app/, as a URL with sample values in its dynamic segments. */
function discoverRoutes(): Array<{ path: string; kind: 'page' | 'api' }> {
  const found: Array<{ path: string; kind: 'page' | 'api' }> = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(app)" add no segment; private folders "_x" are not routes.
        if (entry.name.startsWith('_')) continue;
        const segment = entry.name.startsWith('(') ? null : entry.name.replace(/^\[\.\.\.(\w+)\]$/, 'anything').replace(/^\[(\w+)\]$/, (_, name: string) => (/id$/i.test(name) ? '1' : 'sample'));
        walk(path.join(dir, entry.name), segment === null ? segments : [...segments, segment]);
      } else if (entry.name === 'page.tsx' || entry.name === 'route.ts') {
        found.push({ path: `/${segments.join('/')}`, kind: entry.name === 'page.tsx' ? 'page' : 'api' });
      }
    }
  };
  walk(path.resolve('app'), []);
  return found;
}

describe('Lambdascope in a browser', () => {
  test('first run: the setup page creates the admin, then only sign-in remains', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.fill('#name', admin.name);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.fill('#confirmPassword', admin.password);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/signin', { timeout: 30_000 });
    // Setup is closed for good once a user exists.
    await page.goto(`${app.url}/setup`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.close();
  });

  test('a wrong password is refused; the right one signs in', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/signin`);
    await page.fill('#email', admin.email);
    await page.fill('#password', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#signin-error'), { timeout: 15_000 }).toMatch(/email or password/i);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await signIn(page, admin);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  test('a signed-out visitor is sent to sign-in from every route (discovered from app/)', async () => {
    const routes = discoverRoutes().filter((route) => !isPublicPath(route.path));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const response = await fetch(`${app.url}${route.path}`, { redirect: 'manual' });
      if (route.kind === 'page') {
        expect(response.status, route.path).toBe(307);
        expect(new URL(response.headers.get('location') ?? '', app.url).pathname, route.path).toBe('/signin');
      } else {
        expect(response.status, route.path).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code, route.path).toBe('unauthorized');
      }
    }
  });

  test('a forged session is refused', async () => {
    const context = await browser.newContext();
    const forged = ['not-a-jwt', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..c2lnbmVk.Zm9yZ2Vk.dGFn'];
    for (const value of forged) {
      await context.addCookies([{ name: 'next-auth.session-token', value, url: app.url }]);
      const page = await context.newPage();
      await page.goto(app.url);
      expect(new URL(page.url()).pathname).toBe('/signin');
      await page.close();
    }
    const api = await fetch(`${app.url}/api/v1/functions`, { headers: { cookie: `next-auth.session-token=${forged[1] ?? ''}` } });
    expect(api.status).toBe(401);
    await context.close();
  });

  test('the overview lists the demo functions', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, admin);
    // The worker discovers the demo fleet and ingests its first traffic within a cycle or two.
    await expect
      .poll(async () => {
        await page.goto(`${app.url}/?range=15m`);
        return page.locator('table.data a[href^="/functions/"]').allTextContents();
      }, { timeout: 120_000, interval: 3_000 })
      .toEqual(expect.arrayContaining(['demo-api', 'demo-flaky', 'demo-throttled', 'demo-slow', 'demo-memory-hog', 'demo-json-logs', 'demo-python']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });
    await page.close();
  }, 180_000);

  test('a function page draws non-empty charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, admin);
    const fn = await prisma.lambdaFunction.findFirstOrThrow({ where: { name: 'demo-flaky' } });
    await page.goto(`${app.url}/functions/${fn.id}?range=15m`);
    await expect.poll(() => page.locator('figure canvas').count()).toBe(8);
    // The first chart's summary counts invocations, and its canvas has painted pixels.
    await expect.poll(() => page.locator('figure figcaption').first().textContent()).toMatch(/^[1-9][\d,]* invocations/);
    const painted = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('figure canvas') as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
        let count = 0;
        for (let index = 3; index < pixels.length; index += 4) if ((pixels[index] ?? 0) > 0) count += 1;
        return count;
      });
    await expect.poll(painted, { timeout: 15_000 }).toBeGreaterThan(1000);
    await expect.poll(() => page.locator('#invocations tbody tr').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'function.png'), fullPage: true });
    await page.close();
  });

  test('searching a retried request ID shows its 3 attempts with their log lines', async () => {
    // demo-flaky fails some async events every time: Lambda runs them three times under one request id.
    let requestId = '';
    await expect
      .poll(async () => {
        const retried = await prisma.invocation.findFirst({ where: { attemptCount: 3, function: { name: 'demo-flaky' } }, orderBy: { firstStartAt: 'asc' } });
        requestId = retried?.requestId ?? '';
        return requestId;
      }, { timeout: 120_000, interval: 2_000 })
      .not.toBe('');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, admin);
    await page.fill('#global-search', requestId);
    await page.press('#global-search', 'Enter');
    await page.waitForURL((url) => url.pathname === `/requests/${requestId}`, { timeout: 30_000 });
    const attempts = page.locator('[data-testid=attempt]');
    await expect.poll(() => attempts.count()).toBe(3);
    for (let index = 0; index < 3; index += 1) {
      const attempt = attempts.nth(index);
      await expect.poll(() => attempt.locator('h3').textContent()).toContain(`Attempt ${index + 1}`);
      await expect.poll(() => attempt.locator('[data-testid=log-lines]').first().textContent()).toContain(`START RequestId: ${requestId}`);
      await expect.poll(() => attempt.locator('[data-testid=log-lines]').first().textContent()).toContain(`REPORT RequestId: ${requestId}`);
    }
    await expect.poll(() => attempts.nth(1).locator('.gap').textContent()).toContain('Retried');
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('3 attempts');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'request.png'), fullPage: true });
    await page.close();
  }, 180_000);

  test('alert rules in the browser: an editor creates one, its page draws the signal and what it would have done', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, admin);
    await page.goto(`${app.url}/alerts/rules`);
    await page.fill('#new-rule-name', 'Flaky errors');
    await page.selectOption('#new-rule-scope', 'function');
    const flaky = await prisma.lambdaFunction.findFirstOrThrow({ where: { name: 'demo-flaky' } });
    await page.selectOption('#new-rule-function', String(flaky.id));
    await page.selectOption('#new-rule-signal', 'error_rate');
    await page.selectOption('#new-rule-comparison', '>');
    await page.fill('#new-rule-threshold', '10');
    await page.fill('#new-rule-window', '5');
    await page.click('button:has-text("Create rule")');
    await page.locator('table a', { hasText: 'Flaky errors' }).click();
    await page.waitForURL((url) => /^\/alerts\/rules\/\d+$/.test(url.pathname));
    await expect.poll(() => page.locator('h1').textContent()).toContain('Flaky errors');
    await expect.poll(() => page.locator('main canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'alert-rule.png'), fullPage: true });
    // Mute it for an hour, then unmute it.
    await page.click('button:has-text("Mute for 1 h")');
    await expect.poll(() => prisma.alertRule.findFirstOrThrow({ where: { name: 'Flaky errors' } }).then((rule) => rule.mutedUntil !== null)).toBe(true);
    await page.reload();
    await page.click('button:has-text("Unmute")');
    await expect.poll(() => prisma.alertRule.findFirstOrThrow({ where: { name: 'Flaky errors' } }).then((rule) => rule.mutedUntil)).toBeNull();

    // A silence for the rule, from the alerts page.
    await page.goto(`${app.url}/alerts`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Alerts');
    await page.fill('#silence-reason', 'deploying the payment provider fix');
    await page.click('button:has-text("Add silence")');
    await expect.poll(() => prisma.silence.count({ where: { reason: 'deploying the payment provider fix' } })).toBe(1);

    // Channels: a loopback webhook is refused naming the field, allowed once an admin allows the host, then tested.
    await page.goto(`${app.url}/alerts/channels`);
    await page.selectOption('#channel-kind', 'webhook');
    await page.fill('#channel-name', 'local receiver');
    await page.fill('#channel-url', 'http://127.0.0.1:9/hook');
    await page.click('button:has-text("Add channel")');
    await expect.poll(() => page.locator('main').textContent()).toContain('127.0.0.1 is a loopback address');
    await page.fill('#allow-host', '127.0.0.1');
    await page.fill('#allow-reason', 'the e2e test');
    await page.click('button:has-text("Allow host")');
    await expect.poll(() => prisma.outboundHostAllowance.count()).toBe(1);
    await page.goto(`${app.url}/alerts/channels`);
    await page.selectOption('#channel-kind', 'webhook');
    await page.fill('#channel-name', 'local receiver');
    await page.fill('#channel-url', 'http://127.0.0.1:9/hook');
    await page.click('button:has-text("Add channel")');
    await expect.poll(() => prisma.alertChannel.count({ where: { name: 'local receiver' } })).toBe(1);
    await page.goto(`${app.url}/alerts/channels`);
    await page.click('button:has-text("Send test")');
    await expect.poll(() => prisma.notificationDelivery.count({ where: { kind: 'test' } })).toBe(1);
    // The webhook's path may be its credential: the page shows the origin only.
    await expect.poll(() => page.locator('main dd.mono').first().textContent()).toBe('http://127.0.0.1:9/…');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'alert-channels.png'), fullPage: true });
    await page.close();
  }, 120_000);

  test('the JSON API with an API token: the pages\' data, validated, every error in one shape', async () => {
    const owner = await prisma.user.findFirstOrThrow({ where: { email: admin.email } });
    const token = await createApiToken(prisma, {
      actor: { userId: owner.id, name: owner.name, email: owner.email, role: 'admin', via: 'session' },
      name: 'e2e reader',
      role: 'viewer',
    });
    const get = async (url: string) => {
      const response = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${token.secret}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const overview = await get('/api/v1/functions?range=1h&sort=invocations&dir=desc');
    expect(overview.status).toBe(200);
    const functions = overview.body.functions as Array<{ function: { id: number; name: string }; invocations: number }>;
    const flaky = functions.find((row) => row.function.name === 'demo-flaky');
    expect(flaky?.invocations).toBeGreaterThan(0);
    const series = await get(`/api/v1/functions/${flaky?.function.id}/series?range=1h`);
    expect(series).toMatchObject({ status: 200, body: { bucketMs: 60_000 } });
    const invocations = await get(`/api/v1/functions/${flaky?.function.id}/invocations?range=1h&retried=true&limit=5`);
    const retried = (invocations.body.items as Array<{ requestId: string; attemptCount: number }>)[0];
    expect(retried?.attemptCount).toBeGreaterThan(1);
    const investigation = await get(`/api/v1/requests/${retried?.requestId}`);
    expect(investigation.status).toBe(200);
    expect((investigation.body.functions as Array<{ attempts: unknown[] }>)[0]?.attempts.length).toBe(retried?.attemptCount);
    expect(await get(`/api/v1/search?q=${retried?.requestId}`)).toMatchObject({ status: 200, body: { kind: 'request', requestId: retried?.requestId } });

    // Bad input: 400 naming the field; unknown ids 404; a viewer token may not change anything; no token 401.
    expect(await get('/api/v1/functions?range=2w')).toMatchObject({ status: 400, body: { error: { code: 'validation', field: 'range' } } });
    expect(await get(`/api/v1/search?q=${'x'.repeat(501)}`)).toMatchObject({ status: 400, body: { error: { code: 'validation', field: 'q' } } });
    expect(await get(`/api/v1/functions/${flaky?.function.id}/invocations?limit=0`)).toMatchObject({ status: 400, body: { error: { field: 'limit' } } });
    expect(await get('/api/v1/functions/999999/series?range=1h')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const post = await fetch(`${app.url}/api/v1/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'emulator', name: 'x', endpoint: 'http://127.0.0.1:9' }),
    });
    expect(post.status).toBe(403);
    const anonymous = await fetch(`${app.url}/api/v1/functions`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  test('a viewer reads everything but cannot reach admin actions', async () => {
    await createUser(prisma, { ...viewer, role: 'viewer' });
    const page = await browser.newPage();
    await signIn(page, viewer);
    expect(await page.locator('nav[aria-label=Main]').textContent()).not.toContain('Team');
    for (const adminPage of ['/settings/members', '/settings/tokens', '/settings/audit']) {
      await page.goto(`${app.url}${adminPage}`);
      await expect.poll(() => page.locator('main').textContent()).toContain('Not allowed');
      await expect.poll(() => page.locator('main form').count()).toBe(0);
    }
    await page.goto(`${app.url}/settings/sources`);
    await expect.poll(() => page.locator('main').textContent()).toContain('can read sources but not change them');
    await expect.poll(() => page.locator('main form').count()).toBe(0);
    // The API says no too, whatever the UI shows.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/v1/sources', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'emulator', name: 'x', endpoint: 'http://127.0.0.1:9' }) });
      return { status: response.status, body: (await response.json()) as { error: { code: string } } };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    await page.close();
  });
});
