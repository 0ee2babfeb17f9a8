import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { AppError } from '../errors';
import { classifyAddress } from './classify-address';

export type ResolvedAddress = { address: string; family: number };

export type OutboundPolicy = {
  /** Host names or IP literals an admin allowed explicitly (compared case-insensitively, exact match). */
  allowedHosts: readonly string[];
  /** DNS resolution; tests may pass their own. Defaults to dns.promises.lookup(host, { all: true, verbatim: true }). */
  lookup?: (host: string) => Promise<ResolvedAddress[]>;
};

/** Where a connection may go: the host as typed (for Host and TLS) and the checked address to dial. */
export type OutboundTarget = { host: string; address: string; family: 4 | 6 };

/** The server refused to connect to a user-supplied host; the message names the host, the address and why. */
export class OutboundTargetError extends AppError {
  constructor(
    /** The host as given, without the field prefix of the message. */
    readonly host: string,
    /** What is wrong, without the field prefix, so a caller can wrap it (e.g. for a redirect). */
    readonly problem: string,
    field: string,
  ) {
    super('validation', `${field}: ${problem}`, field);
    this.name = 'OutboundTargetError';
  }
}

function defaultLookup(host: string): Promise<ResolvedAddress[]> {
  return dns.lookup(host, { all: true, verbatim: true });
}

/** "[::1]" (as URL.hostname gives it) and "Example.com." name the same host as "::1" and "example.com". */
function normalizeHost(host: string): string {
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return unbracketed.toLowerCase().replace(/\.$/, '');
}

function familyOf(address: string): 4 | 6 {
  return isIP(address) === 6 ? 6 : 4;
}

function allowanceHint(host: string): string {
  return `an admin can allow host ${host} (Alerts → Channels, or POST /api/v1/alerts/allowed-hosts)`;
}

async function resolveAll(host: string, policy: OutboundPolicy, field: string): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await (policy.lookup ?? defaultLookup)(host);
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    throw new OutboundTargetError(host, `could not resolve host ${host}${code}`, field);
  }
  if (addresses.length === 0) throw new OutboundTargetError(host, `host ${host} resolved to no addresses`, field);
  return addresses;
}

/**
 * Checks that a user-supplied host may be contacted and returns the one address to connect to.
 * An allowed host is trusted as is. Otherwise every address it resolves to must be public: checking
 * only the first would let a name with one public and one private record reach the private one.
 * Connect to the returned address (never resolve the name again), or DNS rebinding undoes the check.
 */
export async function resolveOutboundTarget(host: string, policy: OutboundPolicy, field: string): Promise<OutboundTarget> {
  const name = normalizeHost(host);
  if (name === '') throw new OutboundTargetError(host, 'the host is empty', field);
  const literal = isIP(name) !== 0;
  const allowed = policy.allowedHosts.some((allowedHost) => normalizeHost(allowedHost) === name);

  if (literal) {
    const verdict = classifyAddress(name);
    if (!allowed && !verdict.public) {
      throw new OutboundTargetError(host, `${name} is ${verdict.reason}; ${allowanceHint(name)}`, field);
    }
    return { host: name, address: name, family: familyOf(name) };
  }

  const addresses = await resolveAll(name, policy, field);
  if (!allowed) {
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (!verdict.public) {
        throw new OutboundTargetError(host, `${name} resolves to ${address}, ${verdict.reason}; ${allowanceHint(name)}`, field);
      }
    }
  }
  const [first] = addresses;
  if (first === undefined || isIP(first.address) === 0) {
    throw new OutboundTargetError(host, `host ${name} resolved to something that is not an IP address`, field);
  }
  return { host: name, address: first.address, family: familyOf(first.address) };
}

/**
 * Why the server must not request this URL, or null if it may: http or https only, and no user name
 * or password, which would be stored and logged in clear and are a classic way to disguise a host
 * ("http://hooks.slack.com@10.0.0.1/"). Phrased to follow "<field>: ".
 */
export function findOutboundUrlProblem(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are allowed, not ${url.protocol}`;
  if (url.username !== '' || url.password !== '') return 'the URL must not contain a user name or password';
  return null;
}

/** Parses a user-supplied URL the server will request, refusing what findOutboundUrlProblem refuses. */
export function parseOutboundUrl(url: string, field: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('validation', `${field}: ${JSON.stringify(url)} is not a valid URL`, field);
  }
  const problem = findOutboundUrlProblem(parsed);
  if (problem !== null) throw new AppError('validation', `${field}: ${problem}`, field);
  return parsed;
}
