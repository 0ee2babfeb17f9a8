import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getSystemErrorName } from 'node:util';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppError } from '../../errors';

export type SmtpSettings = {
  host: string;
  port: number;
  /** true: implicit TLS from the first byte (usually port 465); false: plain, upgraded with STARTTLS. */
  secure: boolean;
  username?: string;
  password?: string;
  from: string;
};

export type EmailMessage = { to: string[]; subject: string; text: string; html?: string };

export type SendEmailOptions = {
  /** The IP the caller already validated against SSRF rules for `host`: the connection goes there, while TLS still verifies the certificate for `host`. */
  connectAddress: string;
  /** Each of: connecting, waiting for the greeting, waiting for any answer. */
  timeoutMs?: number;
  /** Accept a certificate that does not verify (self-signed, expired, another name): still encrypted, no longer authenticated. */
  allowUnverifiedTls?: boolean;
};

export type SentEmail = { messageId: string; response: string; durationMs: number };

export type EmailFailureReason = 'connection' | 'timeout' | 'tls' | 'auth' | 'rejected' | 'protocol';

/** Sending failed; the message says why in words fit for the channel's settings page. */
export class EmailDeliveryError extends AppError {
  constructor(
    readonly reason: EmailFailureReason,
    message: string,
    readonly responseCode?: number,
  ) {
    super('unavailable', message);
    this.name = 'EmailDeliveryError';
  }
}

const defaultTimeoutMs = 10_000;

/** One email over one SMTP connection (no pool: alerts are rare, and each send re-checks its settings). */
export async function sendEmail(settings: SmtpSettings, message: EmailMessage, options: SendEmailOptions): Promise<SentEmail> {
  // A host name here would be resolved again by nodemailer, undoing the caller's SSRF check.
  if (isIP(options.connectAddress) === 0) throw new AppError('internal', `sendEmail needs an IP address to connect to, not "${options.connectAddress}"`);
  if (message.to.length === 0) throw new AppError('validation', 'An email needs at least one recipient', 'to');
  const credentials = readCredentials(settings);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  const transportOptions: SMTPTransport.Options & { forceAuth?: boolean } = {
    host: options.connectAddress,
    port: settings.port,
    secure: settings.secure,
    tls: { servername: settings.host, rejectUnauthorized: !options.allowUnverifiedTls },
    // Credentials are never sent in the clear; without them, STARTTLS is still used whenever offered.
    requireTLS: credentials !== undefined,
    // Configured credentials are used even if the server does not advertise AUTH, rather than silently skipped.
    forceAuth: credentials !== undefined,
    ...(credentials ? { auth: credentials } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = createTransport(transportOptions);
  const started = performance.now();
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    });
    return { messageId: info.messageId, response: info.response, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const target = settings.host === options.connectAddress ? formatAddress(options.connectAddress, settings.port) : `${settings.host} (${formatAddress(options.connectAddress, settings.port)})`;
    const failure = describeFailure(error, timeoutMs);
    throw new EmailDeliveryError(failure.reason, `SMTP ${target}: ${failure.detail}`, failure.responseCode);
  } finally {
    transport.close();
  }
}

function readCredentials(settings: SmtpSettings): { user: string; pass: string } | undefined {
  const { username, password } = settings;
  if (!username && !password) return undefined;
  if (!username) throw new AppError('validation', 'A password needs a username', 'username');
  if (!password) throw new AppError('validation', 'A username needs a password', 'password');
  return { user: username, pass: password };
}

function formatAddress(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/** What nodemailer attaches to its errors (it replaces a socket error's own `code` with its own). */
type SmtpFailure = Error & { code?: string; errno?: number; syscall?: string; response?: string; responseCode?: number; command?: string; reason?: string };

const socketErrors: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EADDRNOTAVAIL: 'address not available',
};

function describeFailure(error: unknown, timeoutMs: number): { reason: EmailFailureReason; detail: string; responseCode?: number } {
  if (!(error instanceof Error)) return { reason: 'protocol', detail: String(error) };
  const failure = error as SmtpFailure;
  const reply = failure.response ? quoteReply(failure.response) : undefined;
  const responseCode = failure.responseCode;
  switch (failure.code) {
    case 'EAUTH':
    case 'NoAuth':
      return { reason: 'auth', detail: `authentication failed${reply ? ` (${reply})` : ''}`, responseCode };
    case 'ETIMEDOUT':
      return { reason: 'timeout', detail: `timed out (no answer within ${formatSeconds(timeoutMs)})` };
    case 'ETLS':
      return failure.command === 'STARTTLS' && reply
        ? { reason: 'tls', detail: `the server refused STARTTLS (${reply}); credentials are only sent encrypted`, responseCode }
        : { reason: 'tls', detail: `TLS failed: ${reply ?? failure.message}`, responseCode };
    case 'ESOCKET':
      if (failure.syscall !== undefined && failure.errno !== undefined) {
        const name = getSystemErrorName(failure.errno);
        return { reason: 'connection', detail: socketErrors[name] ?? `${failure.syscall} failed (${name})` };
      }
      // No system call behind it: the TLS layer refused (OpenSSL's reason, or a certificate check's message).
      return { reason: 'tls', detail: `TLS failed: ${failure.reason ?? failure.message}` };
    case 'ECONNECTION':
      return { reason: 'connection', detail: `connection closed${reply ? ` (${reply})` : ''}`, responseCode };
    case 'EENVELOPE':
      if (responseCode === 530) return { reason: 'auth', detail: `the server requires authentication (${reply})`, responseCode };
      return { reason: 'rejected', detail: `the server refused the message${reply ? ` (${reply})` : `: ${failure.message}`}`, responseCode };
    default:
      return { reason: 'protocol', detail: reply ? `unexpected answer (${reply})` : failure.message, responseCode };
  }
}

/** A server's reply is untrusted and may run to many lines: one line, at most 200 characters. */
function quoteReply(response: string): string {
  const line = response.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}
