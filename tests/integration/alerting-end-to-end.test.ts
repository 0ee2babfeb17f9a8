import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { alertChannelInputSchema } from '../../lib/alerts/alert-channel-input';
import { alertRuleInputSchema } from '../../lib/alerts/alert-rule-input';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../../lib/alerts/channels/sign-webhook';
import { createAlertChannel } from '../../lib/alerts/create-alert-channel';
import { createSilence } from '../../lib/alerts/create-silence';
import { saveAlertRule, type AlertActor } from '../../lib/alerts/save-alert-rule';
import { createUser } from '../../lib/auth/create-user';
import { deriveSecretBoxKey } from '../../lib/crypto/secret-box';
import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import type { IngestSettings } from '../../lib/ingest/run-ingest-cycle';
import { runWorker } from '../../lib/ingest/run-worker';
import { deployFunction, invokeSync } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { sdkClients } from '../support/sdk-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The alerting path as it runs: the emulator's real invocations, the worker's ingest and alerting
 * passes, a local webhook receiver (failing at first), Slack-format and SMTP channels. Windows are
 * whole minutes judged once ingest has passed them, so this takes about three minutes.
 */
let actor: AlertActor;
const secretKey = deriveSecretBoxKey('a test master secret of enough length');
const signingSecret = 'whsec_0123456789abcdef';
const settings: IngestSettings = { backfillMs: 3_600_000, overlapMs: 120_000, leaseMs: 30_000, metricsLookbackMs: 600_000, parallelism: 2, logsCallsPerSecond: 50 };
const functionName = uniqueName('alerting');

type Received = { path: string; headers: IncomingHttpHeaders; body: string; status: number; at: number };
const received: Received[] = [];
const emails: string[] = [];
/** Tries seen per delivery id: the webhook fails each notification's first two. */
const triesByDelivery = new Map<string, number>();

let emulator: RunningEmulator;
let database: TestDatabase;
let prisma: PrismaClient;
let receiver: Server;
let smtp: SMTPServer;
let receiverUrl = '';
let smtpPort = 0;
let functionId = 0;
const rules = { errors: 0, silenced: 0, held: 0, tagged: 0 };

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      // The webhook is down for each notification's first two tries: the outbox must retry.
      const delivery = String(request.headers[DELIVERY_HEADER] ?? '');
      const tries = (triesByDelivery.get(delivery) ?? 0) + 1;
      triesByDelivery.set(delivery, tries);
      const status = request.url === '/webhook' && tries <= 2 ? 503 : 200;
      received.push({ path: request.url ?? '', headers: request.headers, body, status, at: Date.now() });
      response.writeHead(status).end(status === 200 ? 'ok' : 'down for maintenance');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        emails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  emulator = await startEmulator({ port: 0, timeScale: 0.01 });
  const { lambda } = sdkClients(emulator.url);
  await deployFunction(lambda, functionName, {
    'index.mjs': `export const handler = async (event) => { if (event.fail) throw new Error('card declined'); return { ok: true }; };`,
  }, { tags: { team: 'payments' } });
  database = await createTestDatabase('alerting');
  await migrateDatabase(database.url);
  prisma = createPrismaClient(database.url);
  const editor = await createUser(prisma, { email: 'ed@example.com', name: 'Ed Editor', role: 'editor', password: 'a long enough password' });
  actor = { userId: editor.id, name: editor.name, email: editor.email, role: 'editor', via: 'session' };
  await prisma.source.create({ data: { name: 'local emulator', kind: 'emulator', region: 'us-east-1', endpoint: emulator.url } });
  // The receiver and the SMTP sink are on loopback: an admin allows it explicitly, or no channel could reach them.
  await prisma.outboundHostAllowance.create({ data: { host: '127.0.0.1', reason: 'test receivers', createdBy: 'admin@example.com' } });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
  await emulator?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
});

function startWorker(owner: string) {
  const stop = new AbortController();
  const done = runWorker(prisma, {
    owner,
    settings,
    intervalMs: 1_000,
    signal: stop.signal,
    alerting: { appUrl: 'https://lambdascope.example.com', secretKey, retryBaseMs: 500 },
  });
  return async () => {
    stop.abort();
    await done;
  };
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const deliveredWebhooks = (kind: string, ruleId: number) =>
  received.filter((request) => request.path === '/webhook' && request.status === 200 && (JSON.parse(request.body) as { kind: string; ruleId: number }).kind === kind && (JSON.parse(request.body) as { ruleId: number }).ruleId === ruleId);

test('a failing function fires once through retries, survives a worker restart, and resolves once', async () => {
  const { lambda } = sdkClients(emulator.url);
  let stopWorker = startWorker('alerting-worker-1');
  functionId = (await waitFor('discovery', () => prisma.lambdaFunction.findFirst({ where: { name: functionName } }).then((fn) => fn ?? undefined), 30_000)).id;

  const webhook = await createAlertChannel(prisma, alertChannelInputSchema.parse({ kind: 'webhook', name: 'on-call webhook', settings: { url: `${receiverUrl}/webhook` }, secret: signingSecret }), { actor, secretKey });
  const slack = await createAlertChannel(prisma, alertChannelInputSchema.parse({ kind: 'slack', name: '#alerts', settings: { url: `${receiverUrl}/slack` } }), { actor, secretKey });
  const email = await createAlertChannel(
    prisma,
    alertChannelInputSchema.parse({ kind: 'email', name: 'team mail', settings: { host: '127.0.0.1', port: smtpPort, from: 'alerts@example.com', to: ['team@example.com'] } }),
    { actor, secretKey },
  );
  const rule = (extra: Record<string, unknown>) =>
    alertRuleInputSchema.parse({ scope: 'function', functionId, signal: 'error_rate', comparison: '>', threshold: 20, windowMinutes: 1, ...extra });
  // Over 2 minutes, for 1: the bad minute makes it pending, the next window (still holding it) makes it fire.
  rules.errors = (
    await saveAlertRule(
      prisma,
      rule({ name: 'Payments failing', severity: 'critical', windowMinutes: 2, forMinutes: 1, channelIds: [webhook.id, slack.id, email.id], runbookUrl: 'https://wiki.example.com/payments' }),
      actor,
    )
  ).id;
  rules.silenced = (await saveAlertRule(prisma, rule({ name: 'Silenced twin', channelIds: [webhook.id] }), actor)).id;
  rules.held = (await saveAlertRule(prisma, rule({ name: 'Needs 3 bad minutes', forMinutes: 3, channelIds: [webhook.id] }), actor)).id;
  // Discovery read the function's tags: a rule on the team's tag watches it.
  expect((await prisma.lambdaFunction.findUniqueOrThrow({ where: { id: functionId } })).tags).toEqual({ team: 'payments' });
  rules.tagged = (await saveAlertRule(prisma, rule({ name: 'Team payments failing', scope: 'tag', functionId: undefined, tagKey: 'team', tagValue: 'payments', channelIds: [webhook.id] }), actor)).id;
  await createSilence(prisma, { ruleId: rules.silenced, endsAt: new Date(Date.now() + 3_600_000), reason: 'deploy in progress' }, { actor, now: new Date() });

  // One bad minute: 8 of 10 invocations fail.
  for (let n = 0; n < 10; n += 1) await invokeSync(lambda, functionName, { fail: n < 8 });

  const firing = await waitFor('the firing webhook', () => deliveredWebhooks('firing', rules.errors)[0], 210_000);
  // Delivered on the third try, each try recorded.
  const tries = received.filter((request) => request.path === '/webhook' && request.headers[DELIVERY_HEADER] === firing.headers[DELIVERY_HEADER]);
  expect(tries.map((request) => request.status)).toEqual([503, 503, 200]);
  const delivery = await prisma.notificationDelivery.findFirstOrThrow({ where: { kind: 'firing', event: { ruleId: rules.errors }, channelId: webhook.id }, include: { attemptLog: { orderBy: { id: 'asc' } } } });
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
  expect(delivery.attemptLog.map((attempt) => [attempt.ok, attempt.statusCode])).toEqual([[false, 503], [false, 503], [true, 200]]);
  // Signed: HMAC-SHA256 over the timestamp and the body.
  expect(verifyWebhookSignature(firing.body, String(firing.headers[SIGNATURE_HEADER]), signingSecret, Math.floor(Date.now() / 1000))).toBe(true);
  expect(verifyWebhookSignature(firing.body.replace('Payments', 'Pavments'), String(firing.headers[SIGNATURE_HEADER]), signingSecret, Math.floor(Date.now() / 1000))).toBe(false);
  const notice = JSON.parse(firing.body) as Record<string, unknown> & { sampleRequest: { requestId: string; url: string } };
  expect(notice).toMatchObject({ kind: 'firing', ruleName: 'Payments failing', severity: 'critical', functionName, value: 80, valueText: '80 %', thresholdText: '> 20 %', functionUrl: `https://lambdascope.example.com/functions/${functionId}` });
  expect(notice.sampleRequest.url).toBe(`https://lambdascope.example.com/requests/${notice.sampleRequest.requestId}`);
  expect(await prisma.attempt.findFirst({ where: { requestId: notice.sampleRequest.requestId, status: 'error' } })).not.toBeNull();

  // Slack and email got the same alert, readable.
  const slackMessage = await waitFor('the Slack message', () => received.find((request) => request.path === '/slack'), 30_000);
  const slackText = (JSON.parse(slackMessage.body) as { text: string }).text;
  expect(slackText).toContain(`<https://lambdascope.example.com/functions/${functionId}|${functionName}>`);
  expect(slackText).toContain('error rate 80 %');
  expect(slackText).toContain(notice.sampleRequest.requestId);
  const mail = await waitFor('the email', () => emails[0], 30_000);
  expect(mail).toMatch(/Subject: \[FIRING critical\]/);
  expect(mail).toContain(functionName);
  expect(mail).toContain('To: team@example.com');

  await waitFor('the tag-scoped rule', () => deliveredWebhooks('firing', rules.tagged)[0], 30_000);
  // The silenced twin fired too (its state shows it) but told no one.
  expect(await prisma.alertState.findUnique({ where: { ruleId_functionId: { ruleId: rules.silenced, functionId } } })).toMatchObject({ state: 'firing' });
  expect(await prisma.notificationDelivery.count({ where: { event: { ruleId: rules.silenced } } })).toBe(0);

  // Restart the worker while the alert is firing.
  await stopWorker();
  stopWorker = startWorker('alerting-worker-2');

  // Recovery: only successes from now on.
  for (let n = 0; n < 10; n += 1) await invokeSync(lambda, functionName, { fail: false });
  await waitFor('the resolved webhook', () => deliveredWebhooks('resolved', rules.errors)[0], 200_000);
  await stopWorker();

  expect(deliveredWebhooks('firing', rules.errors)).toHaveLength(1);
  expect(deliveredWebhooks('resolved', rules.errors)).toHaveLength(1);
  const changes = await prisma.alertEvent.findMany({ where: { ruleId: rules.errors }, orderBy: { id: 'asc' }, select: { fromState: true, toState: true, value: true, at: true } });
  expect(changes.map(({ fromState, toState }) => [fromState, toState])).toEqual([['ok', 'pending'], ['pending', 'firing'], ['firing', 'resolved']]);
  expect(changes.slice(0, 2).map((change) => change.value)).toEqual([80, 80]);
  expect((changes[1]?.at.getTime() ?? 0) - (changes[0]?.at.getTime() ?? 0)).toBe(60_000);
  // Resolved on a window of successes only, or of none at all (no data is not a breach).
  expect([0, null]).toContain(changes[2]?.value);
  // A single bad minute never satisfied `for: 3`: pending, then ok, and nothing sent.
  expect(await prisma.alertEvent.findMany({ where: { ruleId: rules.held }, orderBy: { id: 'asc' }, select: { fromState: true, toState: true } })).toEqual([
    { fromState: 'ok', toState: 'pending' },
    { fromState: 'pending', toState: 'ok' },
  ]);
  expect(received.filter((request) => request.path === '/webhook' && [rules.silenced, rules.held].includes((JSON.parse(request.body) as { ruleId: number }).ruleId))).toEqual([]);
}, 540_000);
