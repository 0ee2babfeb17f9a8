import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AlertNotice } from '../../lib/alerts/alert-notice';
import { sampleAlertNotice } from '../support/sample-alert-notice';
import { formatAlertEmail } from '../../lib/alerts/channels/format-alert-email';
import { EmailDeliveryError, sendEmail, type SmtpSettings } from '../../lib/alerts/channels/send-email';
import { AppError } from '../../lib/errors';

/** What a local SMTP sink saw: each message as received, with the session it came on. */
type Received = { raw: string; from: string | false; to: string[]; secure: boolean; servername: string | false | null | undefined; user: string | undefined };

type Sink = { port: number; received: Received[]; authAttempts: string[]; close: () => Promise<void> };

const sinks: Sink[] = [];

/** A real SMTP server on 127.0.0.1 (any free port) that keeps what it is sent; smtp-server's built-in certificate for TLS. */
async function startSink(options: SMTPServerOptions & { password?: string }): Promise<Sink> {
  const received: Received[] = [];
  const authAttempts: string[] = [];
  const server = new SMTPServer({
    logger: false,
    ...options,
    onAuth(auth, _session, callback) {
      authAttempts.push(auth.username ?? '');
      if (auth.username === 'alerts' && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          secure: session.secure,
          servername: session.servername,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  // A client hanging up mid-handshake (as a refused certificate does) is reported here, not thrown.
  server.on('error', () => undefined);
  const port = await new Promise<number>((resolve) => {
    const listener = server.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
  });
  const sink = { port, received, authAttempts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  sinks.push(sink);
  return sink;
}

/** The headers and the decoded text/plain part of a message as nodemailer writes it (multipart/alternative, quoted-printable). */
function readMessage(raw: string): { headers: Map<string, string>; text: string; html: string } {
  const [head = '', body = ''] = splitHead(raw);
  const headers = parseHeaders(head);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  const decoded = new Map<string, string>();
  for (const part of parts) {
    const [partHead = '', partBody = ''] = splitHead(part.replace(/^\r\n/, ''));
    const partHeaders = parseHeaders(partHead);
    const type = (partHeaders.get('content-type') ?? '').split(';')[0] ?? '';
    const encoding = partHeaders.get('content-transfer-encoding');
    const content = partBody.replace(/\r\n$/, '');
    decoded.set(type, encoding === 'quoted-printable' ? decodeQuotedPrintable(content) : encoding === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content);
  }
  return { headers, text: decoded.get('text/plain') ?? '', html: decoded.get('text/html') ?? '' };
}

function splitHead(text: string): [string, string] {
  const end = text.indexOf('\r\n\r\n');
  return [text.slice(0, end), text.slice(end + 4)];
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const notice: AlertNotice = {
  ...sampleAlertNotice,
  functionUrl: 'https://scope.example.com/functions/demo-flaky?range=1h',
  since: '2026-11-22T08:05:00Z',
  sampleRequest: { requestId: '8f2c1d0e-1111-4222-8333-944455556666', url: 'https://scope.example.com/functions/demo-flaky/requests/8f2c1d0e-1111-4222-8333-944455556666' },
};

let plainSink: Sink;
let authSink: Sink;
let implicitTlsSink: Sink;
let silentServer: Server;
const silentSockets: Socket[] = [];

beforeAll(async () => {
  // No STARTTLS, no AUTH needed: an internal relay. It would even take a password in the clear, if sent one.
  plainSink = await startSink({ authOptional: true, disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
  // STARTTLS offered, AUTH required (and refused before TLS, as smtp-server does by default).
  authSink = await startSink({ authOptional: false, password: 'right-password' });
  implicitTlsSink = await startSink({ secure: true, authOptional: true });
  // Accepts connections, never says a word.
  silentServer = createServer((socket) => silentSockets.push(socket));
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', () => resolve()));
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => silentServer.close(() => resolve()));
  await Promise.all(sinks.map((sink) => sink.close()));
});

function settings(sink: Sink, overrides: Partial<SmtpSettings> = {}): SmtpSettings {
  return { host: 'smtp.example.test', port: sink.port, secure: false, from: 'Lambdascope <alerts@scope.example.com>', ...overrides };
}

async function failure(sending: Promise<unknown>): Promise<EmailDeliveryError> {
  const error = await sending.then(() => expect.unreachable('expected sending to fail'), (caught: unknown) => caught);
  expect(error).toBeInstanceOf(EmailDeliveryError);
  expect(error).toBeInstanceOf(AppError);
  expect((error as EmailDeliveryError).message).not.toMatch(/\n|\s at /);
  return error as EmailDeliveryError;
}

test('an alert email reaches a real SMTP server at the given address, with its headers and links intact', async () => {
  const email = formatAlertEmail(notice);
  // "smtp.example.test" never resolves: delivery proves the connection went to connectAddress, with no DNS lookup.
  const sent = await sendEmail(settings(plainSink), { to: ['oncall@example.com', 'team@example.com'], ...email }, { connectAddress: '127.0.0.1' });

  expect(sent.response).toMatch(/^250 /);
  expect(sent.messageId).toMatch(/^<.+@.+>$/);
  expect(sent.durationMs).toBeGreaterThanOrEqual(0);
  expect(sent.durationMs).toBeLessThan(10_000);

  const received = plainSink.received.at(-1);
  expect(received).toMatchObject({ from: 'alerts@scope.example.com', to: ['oncall@example.com', 'team@example.com'], secure: false });
  const message = readMessage(received?.raw ?? '');
  expect(message.headers.get('from')).toBe('Lambdascope <alerts@scope.example.com>');
  expect(message.headers.get('to')).toBe('oncall@example.com, team@example.com');
  expect(message.headers.get('subject')).toBe('[FIRING critical] demo-flaky: error rate 12.5 % (> 5 %)');
  expect(message.headers.get('message-id')).toBe(sent.messageId);
  expect(message.text).toContain('Function: demo-flaky https://scope.example.com/functions/demo-flaky?range=1h');
  expect(message.text).toContain(
    'Request to investigate: 8f2c1d0e-1111-4222-8333-944455556666 https://scope.example.com/functions/demo-flaky/requests/8f2c1d0e-1111-4222-8333-944455556666',
  );
  expect(message.html).toContain('<a href="https://scope.example.com/functions/demo-flaky?range=1h"');
});

test('a text-only email is sent without an HTML part', async () => {
  await sendEmail(settings(plainSink), { to: ['oncall@example.com'], subject: 'Plain', text: 'Just text, ünïcødé.' }, { connectAddress: '127.0.0.1' });
  const message = readMessage(plainSink.received.at(-1)?.raw ?? '');
  expect(message.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(message.headers.get('subject')).toBe('Plain');
});

test('with the right credentials, the email goes over STARTTLS, asking TLS for the configured host name', async () => {
  const sent = await sendEmail(
    settings(authSink, { username: 'alerts', password: 'right-password' }),
    { to: ['oncall@example.com'], subject: 'Authenticated', text: 'Hello' },
    { connectAddress: '127.0.0.1', allowUnverifiedTls: true },
  );
  expect(sent.response).toMatch(/^250 /);
  expect(authSink.received.at(-1)).toMatchObject({ secure: true, servername: 'smtp.example.test', user: 'alerts' });
});

test('wrong credentials give a readable authentication error', async () => {
  const error = await failure(
    sendEmail(settings(authSink, { username: 'alerts', password: 'wrong-password' }), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1', allowUnverifiedTls: true }),
  );
  expect(error.reason).toBe('auth');
  expect(error.responseCode).toBe(535);
  expect(error.message).toBe(`SMTP smtp.example.test (127.0.0.1:${authSink.port}): authentication failed (535 Invalid username or password)`);
});

test('no credentials, where the server requires them, say so', async () => {
  const error = await failure(sendEmail(settings(authSink), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1', allowUnverifiedTls: true }));
  expect(error.reason).toBe('auth');
  expect(error.message).toMatch(/: the server requires authentication \(530 .+\)$/);
});

test('a certificate that does not verify for the host is refused unless allowed, before any credentials are sent', async () => {
  const attemptsBefore = authSink.authAttempts.length;
  const error = await failure(
    sendEmail(settings(authSink, { username: 'alerts', password: 'right-password' }), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1' }),
  );
  expect(error.reason).toBe('tls');
  expect(error.message).toMatch(new RegExp(`^SMTP smtp\\.example\\.test \\(127\\.0\\.0\\.1:${authSink.port}\\): TLS failed: .+`));
  expect(authSink.authAttempts.length).toBe(attemptsBefore);
});

test('credentials are never sent to a server that does not offer STARTTLS', async () => {
  const error = await failure(
    sendEmail(settings(plainSink, { username: 'alerts', password: 'secret' }), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1' }),
  );
  expect(error.reason).toBe('tls');
  expect(error.message).toMatch(/: the server refused STARTTLS \(5\d\d .+\); credentials are only sent encrypted$/);
  expect(plainSink.authAttempts).toEqual([]);
});

test('implicit TLS (secure) connects to the address and asks for the host name', async () => {
  await sendEmail(settings(implicitTlsSink, { secure: true }), { to: ['oncall@example.com'], subject: 'Implicit', text: 'x' }, { connectAddress: '127.0.0.1', allowUnverifiedTls: true });
  expect(implicitTlsSink.received.at(-1)).toMatchObject({ secure: true, servername: 'smtp.example.test' });
});

test('implicit TLS against a plain server fails readably', async () => {
  const error = await failure(sendEmail(settings(plainSink, { secure: true }), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1', allowUnverifiedTls: true }));
  expect(error.reason).toBe('tls');
  expect(error.message).toBe(`SMTP smtp.example.test (127.0.0.1:${plainSink.port}): TLS failed: wrong version number`);
});

test('a closed port gives a readable connection error', async () => {
  const port = await closedPort();
  const error = await failure(sendEmail({ ...settings(plainSink), host: '127.0.0.1', port }, { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1' }));
  expect(error.reason).toBe('connection');
  expect(error.message).toBe(`SMTP 127.0.0.1:${port}: connection refused`);
});

test('a server that never answers times out', async () => {
  const port = (silentServer.address() as AddressInfo).port;
  const started = Date.now();
  const error = await failure(sendEmail({ ...settings(plainSink), port }, { to: ['oncall@example.com'], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1', timeoutMs: 300 }));
  expect(error.reason).toBe('timeout');
  expect(error.message).toBe(`SMTP smtp.example.test (127.0.0.1:${port}): timed out (no answer within 300 ms)`);
  expect(Date.now() - started).toBeLessThan(5_000);
});

test.each([
  [{ connectAddress: 'smtp.example.test' }, {}, 'internal', undefined],
  [{ connectAddress: '127.0.0.1' }, { username: 'alerts' }, 'validation', 'password'],
  [{ connectAddress: '127.0.0.1' }, { password: 'secret' }, 'validation', 'username'],
])('bad input is refused before connecting: %j %j', async (options, credentials, code, field) => {
  const before = plainSink.received.length;
  const error = await sendEmail(settings(plainSink, credentials), { to: ['oncall@example.com'], subject: 'x', text: 'x' }, options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect(error).not.toBeInstanceOf(EmailDeliveryError);
  expect(error).toMatchObject({ code, field });
  expect(plainSink.received.length).toBe(before);
});

test('no recipients is refused', async () => {
  await expect(sendEmail(settings(plainSink), { to: [], subject: 'x', text: 'x' }, { connectAddress: '127.0.0.1' })).rejects.toMatchObject({ code: 'validation', field: 'to' });
});
