import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promises as dns } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { AppError } from '../../lib/errors';
import { OutboundTargetError, type OutboundPolicy } from '../../lib/net/outbound-guard';
import { postJson } from '../../lib/net/post-json';

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
type LocalServer = { port: number; origin: string; received: Received[]; connections: () => number };

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A real HTTP server on 127.0.0.1 that records what reaches it and answers with `answer`. */
async function startServer(answer: (request: Received, response: ServerResponse) => void): Promise<LocalServer> {
  const received: Received[] = [];
  let connections = 0;
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(record);
      answer(record, response);
    });
  });
  server.on('connection', () => (connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, origin: `http://127.0.0.1:${port}`, received, connections: () => connections };
}

function answerWith(status: number, body: string, headers: Record<string, string> = {}) {
  return (_request: Received, response: ServerResponse) => response.writeHead(status, headers).end(body);
}

/** A lookup that must not be called: IP literals are judged without DNS. */
function lookupNeverCalled(host: string): Promise<never> {
  return Promise.reject(new Error(`lookup(${host}) should not have been called`));
}

async function refusal(promise: Promise<unknown>): Promise<OutboundTargetError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OutboundTargetError);
  return error as OutboundTargetError;
}

const field = 'webhook URL';

/** Resolves hook.test to the local servers and everything else with real DNS. */
function lookupWithHookTest(host: string) {
  return host === 'hook.test' ? Promise.resolve([{ address: '127.0.0.1', family: 4 }]) : dns.lookup(host, { all: true, verbatim: true });
}

test('a local server is refused without an allowance, and nothing connects to it', async () => {
  const server = await startServer(answerWith(200, 'ok'));
  const error = await refusal(postJson(`${server.origin}/hook`, '{}', { policy: { allowedHosts: [] }, field }));
  expect(error.message).toBe('webhook URL: 127.0.0.1 is a loopback address; an admin can allow host 127.0.0.1 (Alerts → Channels, or POST /api/v1/alerts/allowed-hosts)');
  expect(error.toBody()).toEqual({ error: { code: 'validation', message: error.message, field } });
  expect(server.connections()).toBe(0);
});

test('an allowed local server gets the body and headers, and its status and body come back', async () => {
  const server = await startServer(answerWith(201, 'created it'));
  const result = await postJson(`${server.origin}/hook?team=ops`, '{"text":"alarm"}', {
    policy: { allowedHosts: ['127.0.0.1'] },
    headers: { 'X-Lambdascope-Signature': 'sig-123', Host: 'evil.example' },
    field,
  });
  expect(result).toEqual({ status: 201, body: 'created it', durationMs: expect.any(Number) as unknown });
  expect(server.received).toHaveLength(1);
  const [request] = server.received;
  expect(request).toMatchObject({ method: 'POST', url: '/hook?team=ops', body: '{"text":"alarm"}' });
  expect(request?.headers).toMatchObject({
    'content-type': 'application/json',
    'content-length': '16',
    'x-lambdascope-signature': 'sig-123',
    // The caller cannot point the request at another virtual host.
    host: `127.0.0.1:${server.port}`,
  });
});

test('a non-2xx answer is returned, not thrown', async () => {
  const server = await startServer(answerWith(500, 'no such channel'));
  const result = await postJson(`${server.origin}/`, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, field });
  expect(result).toMatchObject({ status: 500, body: 'no such channel' });
});

test('at most 64 KB of the answer is read', async () => {
  const server = await startServer(answerWith(200, 'x'.repeat(200_000)));
  const result = await postJson(`${server.origin}/`, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, field });
  expect(result.body).toHaveLength(64 * 1024);
});

test('localhost is refused because real DNS resolves it to a loopback address', async () => {
  const server = await startServer(answerWith(200, 'ok'));
  const error = await refusal(postJson(`http://localhost:${server.port}/`, '{}', { policy: { allowedHosts: [] }, field }));
  expect(error.message).toMatch(/^webhook URL: localhost resolves to (127\.0\.0\.1|::1), a loopback address; an admin can allow host localhost/);
  expect(server.connections()).toBe(0);
});

test.each([
  ['http://10.0.0.1/hook', '10.0.0.1 is a private address'],
  ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is the cloud metadata address'],
  ['http://[::1]:8080/', '::1 is a loopback address'],
  ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1, a loopback address'],
  ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is the AWS IPv6 metadata address'],
  ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
  ['http://2130706433/', '127.0.0.1 is a loopback address'],
])('%s is refused without DNS or a connection', async (url, reason) => {
  const error = await refusal(postJson(url, '{}', { policy: { allowedHosts: [], lookup: lookupNeverCalled }, field }));
  expect(error.message).toContain(`webhook URL: ${reason};`);
});

test('allowing 127.0.0.1 does not allow its IPv4-mapped IPv6 form, which is refused before connecting', async () => {
  const server = await startServer(answerWith(200, 'ok'));
  const url = `http://[::ffff:127.0.0.1]:${server.port}/`;
  await refusal(postJson(url, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, field }));
  expect(server.connections()).toBe(0);
});

test('a host name that resolves to a private address is refused', async () => {
  const policy: OutboundPolicy = { allowedHosts: [], lookup: () => Promise.resolve([{ address: '10.0.0.5', family: 4 }]) };
  const error = await refusal(postJson('https://hooks.example.com/services/T0', '{}', { policy, field }));
  expect(error.message).toBe(
    'webhook URL: hooks.example.com resolves to 10.0.0.5, a private address; an admin can allow host hooks.example.com (Alerts → Channels, or POST /api/v1/alerts/allowed-hosts)',
  );
  expect(error.host).toBe('hooks.example.com');
});

test('a host name with one public and one private address is refused', async () => {
  const lookup = () => Promise.resolve([{ address: '93.184.216.34', family: 4 }, { address: 'fd12::7', family: 6 }]);
  const error = await refusal(postJson('https://hooks.example.com/', '{}', { policy: { allowedHosts: [], lookup }, field }));
  expect(error.message).toContain('hooks.example.com resolves to fd12::7, a unique local address');
});

test('a host name that does not resolve is refused, naming the host', async () => {
  const lookup = () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
  const error = await refusal(postJson('https://nowhere.example/', '{}', { policy: { allowedHosts: [], lookup }, field }));
  expect(error.message).toBe('webhook URL: could not resolve host nowhere.example (ENOTFOUND)');
});

test('an allowed host name connects to the address that was resolved once, keeping its name in Host', async () => {
  const server = await startServer(answerWith(200, 'ok'));
  const lookups: string[] = [];
  const lookup = (host: string) => {
    lookups.push(host);
    return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
  };
  const result = await postJson(`http://Alerts.Internal.Example:${server.port}/`, '{}', {
    policy: { allowedHosts: ['alerts.internal.example'], lookup },
    field,
  });
  expect(result.status).toBe(200);
  expect(lookups).toEqual(['alerts.internal.example']);
  expect(server.received[0]?.headers.host).toBe(`alerts.internal.example:${server.port}`);
});

test.each([
  ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data', '169.254.169.254 is the cloud metadata address'],
  ['a loopback address', 'http://127.0.0.1:1/admin', '127.0.0.1 is a loopback address'],
  ['a host name resolving to a private address', 'http://localhost/admin', 'localhost resolves to'],
  ['a file URL', 'file:///etc/passwd', 'only http and https URLs are allowed, not file:'],
  ['a gopher URL', 'gopher://127.0.0.1:6379/_FLUSHALL', 'only http and https URLs are allowed, not gopher:'],
])('a redirect to %s is refused, saying it was a redirect', async (_name, location, reason) => {
  const server = await startServer(answerWith(302, '', { location }));
  // Allow the first server by name, so only the redirect's target is judged.
  const error = await refusal(postJson(`http://hook.test:${server.port}/start`, '{}', {
    policy: { allowedHosts: ['hook.test'], lookup: lookupWithHookTest },
    field,
  }));
  expect(error.message).toContain(`webhook URL: http://hook.test:${server.port}/… redirected to `);
  expect(error.message).toContain(`, which is refused: ${reason}`);
  expect(server.received).toHaveLength(1);
});

test('a 307 redirect to another path on the allowed server is followed, still POSTing the body', async () => {
  const server = await startServer((request, response) => {
    if (request.url === '/old') response.writeHead(307, { location: '/new' }).end();
    else response.writeHead(200).end(`got ${request.body} at ${request.url}`);
  });
  const result = await postJson(`${server.origin}/old`, '{"n":1}', { policy: { allowedHosts: ['127.0.0.1'] }, field });
  expect(result).toMatchObject({ status: 200, body: 'got {"n":1} at /new' });
  expect(server.received.map(({ method, url }) => `${method} ${url}`)).toEqual(['POST /old', 'POST /new']);
});

test('a 303 redirect is followed with a GET, as browsers do', async () => {
  const server = await startServer((request, response) => {
    if (request.url === '/old') response.writeHead(303, { location: '/status' }).end();
    else response.writeHead(200).end('fine');
  });
  await postJson(`${server.origin}/old`, '{"n":1}', { policy: { allowedHosts: ['127.0.0.1'] }, field });
  expect(server.received.map(({ method, url, body }) => `${method} ${url} ${body}`)).toEqual(['POST /old {"n":1}', 'GET /status ']);
});

test('more redirects than allowed are refused', async () => {
  const server = await startServer((request, response) => response.writeHead(308, { location: `${request.url}x` }).end());
  const error = await refusal(postJson(`${server.origin}/`, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, maxRedirects: 2, field }));
  expect(error.message).toBe(`webhook URL: ${server.origin}/… redirected more than 2 times`);
  expect(server.received).toHaveLength(3);
});

test('a server that never answers trips the timeout', async () => {
  const server = await startServer(() => undefined);
  const started = Date.now();
  const error = await postJson(`${server.origin}/`, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, timeoutMs: 200, field }).catch((reason: unknown) => reason);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('unavailable');
  expect((error as AppError).message).toBe(`webhook URL: no complete response from 127.0.0.1:${server.port} within 200 ms`);
});

test('a closed port is a network error, not a refusal', async () => {
  const server = await startServer(answerWith(200, 'ok'));
  const closing = servers.pop();
  await new Promise<void>((resolve) => closing?.close(() => resolve()));
  const error = await postJson(`${server.origin}/`, '{}', { policy: { allowedHosts: ['127.0.0.1'] }, field }).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  expect(error).not.toBeInstanceOf(OutboundTargetError);
  expect((error as AppError).code).toBe('unavailable');
  expect((error as AppError).message).toMatch(new RegExp(`^webhook URL: could not reach 127\\.0\\.0\\.1:${server.port} \\(ECONNREFUSED`));
});

test.each([
  ['file:///etc/passwd', 'webhook URL: only http and https URLs are allowed, not file:'],
  ['ftp://files.example.com/x', 'webhook URL: only http and https URLs are allowed, not ftp:'],
  ['gopher://127.0.0.1:6379/_INFO', 'webhook URL: only http and https URLs are allowed, not gopher:'],
  ['https://hooks.slack.com@10.0.0.1/', 'webhook URL: the URL must not contain a user name or password'],
  ['https://user:secret@hooks.example.com/', 'webhook URL: the URL must not contain a user name or password'],
  ['not a url', 'webhook URL: "not a url" is not a valid URL'],
])('%s is refused', async (url, message) => {
  const error = await postJson(url, '{}', { policy: { allowedHosts: [], lookup: lookupNeverCalled }, field }).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).toBody()).toEqual({ error: { code: 'validation', message, field } });
});
