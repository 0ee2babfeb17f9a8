import { request as httpRequest, type IncomingMessage } from 'node:http';
import { redactUrl } from './redact-url';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppError } from '../errors';
import {
  findOutboundUrlProblem,
  OutboundTargetError,
  parseOutboundUrl,
  resolveOutboundTarget,
  type OutboundPolicy,
  type OutboundTarget,
} from './outbound-guard';

export type PostResult = { status: number; body: string; durationMs: number };

export type PostJsonOptions = {
  headers?: Record<string, string>;
  policy: OutboundPolicy;
  /** For the whole exchange, DNS and redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Names the input the URL came from, in errors. */
  field: string;
};

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Enough for any error message a webhook answers with; a hostile server cannot make us buffer more. */
const maxBodyBytes = 64 * 1024;
/** Headers Node must compute itself: Host from the URL (a caller's could address another virtual host), lengths from the body. */
const reservedHeaders = new Set(['host', 'content-length', 'transfer-encoding']);
/** Credentials meant for the first origin, which a redirect must not carry to another (as fetch does). */
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

type Hop = { url: URL; method: 'POST' | 'GET'; body: Buffer | undefined; headers: Record<string, string> };
type HopResponse = { status: number; location: string | undefined; body: string };

function firstHopHeaders(custom: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(custom ?? {})) {
    if (!reservedHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The hop a redirect asks for, or why it is refused. Methods change as browsers and fetch change them. */
function nextHop(hop: Hop, status: number, location: string, field: string): Hop {
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    throw new OutboundTargetError(hop.url.hostname, `${redactUrl(hop.url.href)} redirected to an invalid location ${JSON.stringify(location)}`, field);
  }
  const problem = findOutboundUrlProblem(url);
  if (problem !== null) throw new OutboundTargetError(url.hostname, `${redactUrl(hop.url.href)} redirected to ${url.href}, which is refused: ${problem}`, field);
  const keepsBody = status === 307 || status === 308;
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(
      ([name]) => (keepsBody || name !== 'content-type') && (url.origin === hop.url.origin || !credentialHeaders.has(name)),
    ),
  );
  return { url, method: keepsBody ? hop.method : 'GET', body: keepsBody ? hop.body : undefined, headers };
}

/** Resolves and checks a hop's host; a refusal after a redirect says so, since the user never typed that host. */
async function checkHop(hop: Hop, from: URL | undefined, policy: OutboundPolicy, field: string): Promise<OutboundTarget> {
  try {
    return await resolveOutboundTarget(hop.url.hostname, policy, field);
  } catch (error) {
    if (from === undefined || !(error instanceof OutboundTargetError)) throw error;
    throw new OutboundTargetError(error.host, `${redactUrl(from.href)} redirected to ${hop.url.href}, which is refused: ${error.problem}`, field);
  }
}

/** Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily); answer in the shape asked for. */
function pinnedLookup(target: OutboundTarget): LookupFunction {
  return (_hostname, options, callback) => {
    process.nextTick(() => {
      if (options.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    });
  };
}

function readAtMost(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(Buffer.concat(chunks).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, limit - size));
      size = Math.min(limit, size + chunk.length);
      if (size < limit) return;
      finish();
      response.destroy();
    });
    response.on('end', finish);
    response.on('error', reject);
    response.on('close', () => reject(new Error('the connection closed before the response ended')));
  });
}

/** One request, connected to the address that was checked rather than whatever DNS answers now (DNS rebinding). */
function send(hop: Hop, target: OutboundTarget, signal: AbortSignal): Promise<HopResponse> {
  const https = hop.url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      {
        method: hop.method,
        hostname: target.host,
        port: hop.url.port === '' ? undefined : Number(hop.url.port),
        path: `${hop.url.pathname}${hop.url.search}`,
        headers: hop.body === undefined ? hop.headers : { ...hop.headers, 'content-length': String(hop.body.length) },
        lookup: pinnedLookup(target),
        // A pooled socket may have been dialled for another check; a fresh one is always dialled via pinnedLookup.
        agent: false,
        signal,
        // TLS checks the certificate against the name the user typed; SNI carries no IP literals.
        ...(https && isIP(target.host) === 0 ? { servername: target.host } : {}),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (redirectStatuses.has(status) && location !== undefined) {
          response.destroy();
          resolve({ status, location, body: '' });
          return;
        }
        readAtMost(response, maxBodyBytes).then((body) => resolve({ status, location, body }), reject);
      },
    );
    request.on('error', reject);
    request.end(hop.body);
  });
}

/** Settles with the promise, or rejects as soon as the signal aborts (dns.lookup itself cannot be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs a JSON body to a user-supplied URL, refusing non-public targets (see resolveOutboundTarget),
 * re-checking every redirect. Any status is returned, for the caller to judge; only a refusal
 * (OutboundTargetError), a timeout or a network failure (AppError 'unavailable') throws.
 */
export async function postJson(url: string, body: string, options: PostJsonOptions): Promise<PostResult> {
  const { policy, field, timeoutMs = 10_000, maxRedirects = 3 } = options;
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let hop: Hop = { url: parseOutboundUrl(url, field), method: 'POST', body: Buffer.from(body), headers: firstHopHeaders(options.headers) };
  let from: URL | undefined;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const target = await untilAborted(checkHop(hop, from, policy, field), deadline.signal);
      let response: HopResponse;
      try {
        response = await send(hop, target, deadline.signal);
      } catch (error) {
        if (deadline.signal.aborted) throw error;
        throw new AppError('unavailable', `${field}: could not reach ${hop.url.host} (${describeNetworkError(error)})`, field);
      }
      if (response.location === undefined || !redirectStatuses.has(response.status)) {
        return { status: response.status, body: response.body, durationMs: Math.round(performance.now() - started) };
      }
      if (redirects >= maxRedirects) {
        throw new OutboundTargetError(hop.url.hostname, `${redactUrl(hop.url.href)} redirected more than ${maxRedirects} times`, field);
      }
      from = hop.url;
      hop = nextHop(hop, response.status, response.location, field);
    }
  } catch (error) {
    if (!deadline.signal.aborted || error instanceof OutboundTargetError) throw error;
    throw new AppError('unavailable', `${field}: no complete response from ${hop.url.host} within ${timeoutMs} ms`, field);
  } finally {
    clearTimeout(timer);
  }
}
