import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type ClientRequest, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { alertChannelInputSchema, type AlertChannelInput } from '../../lib/alerts/alert-channel-input';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../../lib/alerts/channels/sign-webhook';
import { createAlertChannel } from '../../lib/alerts/create-alert-channel';
import { deliverNotifications } from '../../lib/alerts/deliver-notifications';
import { queueChannelTest } from '../../lib/alerts/queue-channel-test';
import type { AlertActor } from '../../lib/alerts/save-alert-rule';
import { createUser } from '../../lib/auth/create-user';
import { deriveSecretBoxKey } from '../../lib/crypto/secret-box';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { AppError } from '../../lib/errors';
import type { OutboundPolicy } from '../../lib/net/outbound-guard';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Alert channels point the server at addresses users type: they are checked when a channel is
 * created and again at every send, redirects included. Real DNS for real names (localhost); the
 * one fake is a lookup that answers a private address, which public DNS cannot be made to do here.
 */
const secretKey = deriveSecretBoxKey('a test master secret of enough length');
const APP_URL = 'https://lambdascope.example.com';
const METADATA_URL = 'http://169.254.169.254/latest/meta-data';

type OpenDatabase = { prisma: PrismaClient; actor: AlertActor };

const cleanups: Array<() => Promise<void>> = [];
const servers: Server[] = [];
/** Hosts of every HTTP request this process started (Node's diagnostics channel): what was contacted. */
const requestedHosts: string[] = [];
const onRequestStart = (message: unknown) => {
  requestedHosts.push((message as { request: ClientRequest }).request.host);
};

/** Where no host is allowed: shared by the refusal tests, which store nothing. */
let guarded: OpenDatabase;

/** A migrated database of its own with an editor to act; dropped when the file ends. */
async function openDatabase(label: string, options: { allowLoopback?: boolean } = {}): Promise<OpenDatabase> {
  const database: TestDatabase = await createTestDatabase(label);
  await migrateDatabase(database.url);
  const prisma = createPrismaClient(database.url);
  cleanups.push(async () => {
    await prisma.$disconnect();
    await database.drop();
  });
  const editor = await createUser(prisma, { email: 'ed@example.com', name: 'Ed Editor', role: 'editor', password: 'a long enough password' });
  // The local receivers are on loopback: reachable only because an admin allowed it.
  if (options.allowLoopback) await prisma.outboundHostAllowance.create({ data: { host: '127.0.0.1', reason: 'test receivers', createdBy: 'admin@example.com' } });
  return { prisma, actor: { userId: editor.id, name: editor.name, email: editor.email, role: 'editor', via: 'session' } };
}

beforeAll(async () => {
  subscribe('http.client.request.start', onRequestStart);
  guarded = await openDatabase('ssrf_guarded');
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

afterAll(async () => {
  unsubscribe('http.client.request.start', onRequestStart);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

/** A real HTTP server on 127.0.0.1 that records what reaches it. */
async function startServer(answer: (response: ServerResponse) => void): Promise<{ origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let channelNumber = 0;

/** A webhook (or Slack) channel as an editor describes it, uniquely named. */
function webhook(url: string, extra: { kind?: 'webhook' | 'slack'; secret?: string } = {}): AlertChannelInput {
  channelNumber += 1;
  const name = `channel ${channelNumber}`;
  if (extra.kind === 'slack') return { kind: 'slack', name, settings: { url } };
  return { kind: 'webhook', name, settings: { url }, ...(extra.secret ? { secret: extra.secret } : {}) };
}

/** What the refusal says after "settings.url: "; the address is named in it. */
const allowanceHint = (host: string) => `; an admin can allow host ${host} (Alerts → Channels, or POST /api/v1/alerts/allowed-hosts)`;

test.each([
  ['http://127.0.0.1:9/x', '127.0.0.1 is a loopback address', '127.0.0.1'],
  ['http://10.0.0.1/', '10.0.0.1 is a private address', '10.0.0.1'],
  [METADATA_URL, '169.254.169.254 is the cloud metadata address', '169.254.169.254'],
  // The same address spelled otherwise: URL parsing normalises it before the check.
  ['http://2852039166/latest/meta-data', '169.254.169.254 is the cloud metadata address', '169.254.169.254'],
  ['http://[::ffff:169.254.169.254]/latest/meta-data', '::ffff:a9fe:a9fe is an IPv4-mapped form of 169.254.169.254, the cloud metadata address', '::ffff:a9fe:a9fe'],
  ['http://0/', '0.0.0.0 is a "this network" address', '0.0.0.0'],
])('a webhook to %s is refused when created', async (url, reason, host) => {
  const { prisma, actor } = guarded;
  const error = await refusal(createAlertChannel(prisma, alertChannelInputSchema.parse(webhook(url)), { actor, secretKey }));
  expect(error).toMatchObject({ code: 'validation', field: 'settings.url', message: `settings.url: ${reason}${allowanceHint(host)}` });
});

test('a name resolving to loopback (real DNS) or to a private address is refused, for webhooks and Slack alike', async () => {
  const { prisma, actor } = guarded;
  const localhost = await refusal(createAlertChannel(prisma, alertChannelInputSchema.parse(webhook('http://localhost:9/')), { actor, secretKey }));
  expect(localhost).toMatchObject({ code: 'validation', field: 'settings.url' });
  expect(localhost.message).toMatch(/^settings\.url: localhost resolves to (127\.0\.0\.1|::1), a loopback address; an admin can allow host localhost \(Alerts → Channels/);

  const lookup: OutboundPolicy['lookup'] = (host) => Promise.resolve(host === 'hooks.internal.example' ? [{ address: '10.1.2.3', family: 4 }] : []);
  for (const kind of ['webhook', 'slack'] as const) {
    const error = await refusal(createAlertChannel(prisma, alertChannelInputSchema.parse(webhook('https://hooks.internal.example/services/T0', { kind })), { actor, secretKey, lookup }));
    expect(error).toMatchObject({
      code: 'validation',
      field: 'settings.url',
      message: `settings.url: hooks.internal.example resolves to 10.1.2.3, a private address${allowanceHint('hooks.internal.example')}`,
    });
  }
});

test.each([
  ['ftp://example.com/hook', 'ftp:'],
  ['file:///etc/passwd', 'file:'],
  ['gopher://127.0.0.1:70/_x', 'gopher:'],
  ['javascript:alert(1)', 'javascript:'],
])('a %s URL is refused by the schema, and by createAlertChannel itself', async (url, scheme) => {
  const { prisma, actor } = guarded;
  const parsed = alertChannelInputSchema.safeParse(webhook(url));
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('settings.url');
  const error = await refusal(createAlertChannel(prisma, webhook(url), { actor, secretKey }));
  expect(error).toMatchObject({ code: 'validation', field: 'settings.url', message: `settings.url: only http and https URLs are allowed, not ${scheme}` });
});

test('an email channel whose SMTP host is private is refused', async () => {
  const { prisma, actor } = guarded;
  const input = alertChannelInputSchema.parse({ kind: 'email', name: 'office relay', settings: { host: '192.168.1.10', port: 25, from: 'alerts@example.com', to: ['ops@example.com'] } });
  const error = await refusal(createAlertChannel(prisma, input, { actor, secretKey }));
  expect(error).toMatchObject({ code: 'validation', field: 'settings.host', message: `settings.host: 192.168.1.10 is a private address${allowanceHint('192.168.1.10')}` });
});

test('nothing refused was stored or audited', async () => {
  const { prisma } = guarded;
  expect(await prisma.alertChannel.count()).toBe(0);
  expect(await prisma.auditEvent.count({ where: { action: 'alert_channel.create' } })).toBe(0);
});

test('an allowance for 127.0.0.1 admits that host, and only that host', async () => {
  const { prisma, actor } = await openDatabase('ssrf_allowance');
  const url = 'http://127.0.0.1:9/x';
  await refusal(createAlertChannel(prisma, alertChannelInputSchema.parse(webhook(url)), { actor, secretKey }));
  await prisma.outboundHostAllowance.create({ data: { host: '127.0.0.1', reason: 'an internal receiver', createdBy: 'admin@example.com' } });

  const accepted = await createAlertChannel(prisma, alertChannelInputSchema.parse(webhook(url)), { actor, secretKey });
  expect(await prisma.alertChannel.findUnique({ where: { id: accepted.id } })).toMatchObject({ kind: 'webhook', settings: { url } });
  // A name that resolves to it is not the host allowed, and other private addresses stay refused.
  for (const refused of ['http://localhost:9/x', 'http://10.0.0.1/']) {
    expect(await refusal(createAlertChannel(prisma, alertChannelInputSchema.parse(webhook(refused)), { actor, secretKey }))).toMatchObject({ code: 'validation', field: 'settings.url' });
  }
  expect(await prisma.alertChannel.count()).toBe(1);
});

test('a redirect to the metadata address is refused at send time, recorded, and never followed', async () => {
  const { prisma, actor } = await openDatabase('ssrf_redirect', { allowLoopback: true });
  const receiver = await startServer((response) => response.writeHead(302, { location: METADATA_URL }).end());
  const url = `${receiver.origin}/hook`;
  const channel = await createAlertChannel(prisma, alertChannelInputSchema.parse(webhook(url)), { actor, secretKey });
  const { deliveryId } = await queueChannelTest(prisma, channel.id, { actor, appUrl: APP_URL, now: new Date() });
  const contactedBefore = requestedHosts.length;

  expect(await deliverNotifications(prisma, { now: () => new Date(), secretKey })).toEqual({ delivered: 0, failed: 1, expired: 0 });

  // The webhook URL is shown by its origin only: its path may be its credential.
  const refusedBecause = `url: ${receiver.origin}/… redirected to ${METADATA_URL}, which is refused: 169.254.169.254 is the cloud metadata address${allowanceHint('169.254.169.254')}`;
  const delivery = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attemptLog: true } });
  expect(delivery).toMatchObject({ status: 'pending', attempts: 1, deliveredAt: null, lastError: refusedBecause });
  expect(delivery.attemptLog).toEqual([expect.objectContaining({ ok: false, statusCode: null, error: refusedBecause })]);
  // The receiver got the POST and answered the redirect; the only request this process made went to it.
  expect(receiver.received.map((request) => [request.method, request.url])).toEqual([['POST', '/hook']]);
  expect(requestedHosts.slice(contactedBefore)).toEqual(['127.0.0.1']);
});

test('a webhook secret is stored sealed, and the delivered signature verifies with the plaintext', async () => {
  const { prisma, actor } = await openDatabase('ssrf_signed', { allowLoopback: true });
  const plaintext = 'whsec_0123456789abcdef';
  const receiver = await startServer((response) => response.writeHead(200).end('ok'));
  const input = webhook(`${receiver.origin}/signed`, { secret: plaintext });
  const channel = await createAlertChannel(prisma, alertChannelInputSchema.parse(input), { actor, secretKey });

  const [row] = await prisma.$queryRaw<Array<{ sealed_secret: string | null; settings: unknown }>>`SELECT sealed_secret, settings FROM alert_channels WHERE id = ${channel.id}`;
  expect(row?.sealed_secret).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(row?.sealed_secret).not.toContain(plaintext);
  expect(row?.sealed_secret).not.toContain(Buffer.from(plaintext).toString('base64url'));
  expect(JSON.stringify(row?.settings)).not.toContain(plaintext);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'alert_channel.create', targetId: String(channel.id) } });
  expect(audit.details).toMatchObject({ secret: 'set' });
  expect(JSON.stringify(audit.details)).not.toContain(plaintext);

  const { deliveryId } = await queueChannelTest(prisma, channel.id, { actor, appUrl: APP_URL, now: new Date() });
  expect(await deliverNotifications(prisma, { now: () => new Date(), secretKey })).toEqual({ delivered: 1, failed: 0, expired: 0 });
  expect(await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });

  expect(receiver.received).toHaveLength(1);
  const [request] = receiver.received;
  const body = request?.body ?? '';
  const signature = String(request?.headers[SIGNATURE_HEADER]);
  const nowSeconds = Math.floor(Date.now() / 1000);
  expect(request?.headers[DELIVERY_HEADER]).toBe(`lsd_${deliveryId}`);
  expect(JSON.parse(body)).toMatchObject({ deliveryId: `lsd_${deliveryId}`, kind: 'test', ruleName: `Test of ${input.name}` });
  expect(verifyWebhookSignature(body, signature, plaintext, nowSeconds)).toBe(true);
  expect(verifyWebhookSignature(body, signature, 'whsec_not-the-right-secret', nowSeconds)).toBe(false);
  expect(verifyWebhookSignature(body.replace('"kind":"test"', '"kind":"firing"'), signature, plaintext, nowSeconds)).toBe(false);
});
