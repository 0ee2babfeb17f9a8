import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from './aws-error';
import type { EmulatorRequest, EmulatorResponse, RequestHandler } from './http-types';

export type ServeHttpOptions = {
  host: string;
  port: number;
  handler: RequestHandler;
  /** Bodies above this are refused with 413 before they are buffered whole. */
  maxBodyBytes: number;
  /** One line per request; silent when absent. */
  log?: (line: string) => void;
};

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Serves a handler over HTTP/1.1 on host:port (0 = any free port). */
export async function serveHttp(options: ServeHttpOptions): Promise<RunningServer> {
  const inFlight = new Set<Promise<void>>();
  const server = createServer((incoming, outgoing) => {
    const started = performance.now();
    const handled = respond(options, incoming, outgoing).then((status) => {
      options.log?.(`${incoming.method} ${incoming.url} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    // Stops accepting, lets the requests under way finish, then drops idle keep-alive connections.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled(inFlight);
      server.closeAllConnections();
      await closed;
    },
  };
}

async function respond(options: ServeHttpOptions, incoming: IncomingMessage, outgoing: ServerResponse): Promise<number> {
  let response: EmulatorResponse;
  try {
    const body = await readBody(incoming, options.maxBodyBytes);
    const url = new URL(incoming.url ?? '/', 'http://emulator');
    const request: EmulatorRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body,
    };
    response = await options.handler(request);
  } catch (error) {
    const awsError = error instanceof AwsError ? error : new AwsError('InternalFailure', String(error), { status: 500 });
    response = {
      status: awsError.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': awsError.code },
      body: { __type: awsError.code, Type: awsError.fault, message: awsError.message, Message: awsError.message },
    };
  }
  writeResponse(outgoing, response);
  return response.status;
}

function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(incoming.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      incoming.resume();
      reject(tooLarge(declared, maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        incoming.removeAllListeners('data');
        incoming.resume();
        reject(tooLarge(size, maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function tooLarge(size: number, maxBytes: number): AwsError {
  return new AwsError('RequestEntityTooLargeException', `Request must be smaller than ${maxBytes} bytes (got ${size})`, {
    status: 413,
  });
}

function writeResponse(outgoing: ServerResponse, response: EmulatorResponse): void {
  const body = response.body;
  let payload: Buffer | string | undefined;
  if (body === undefined || body === null) payload = undefined;
  else if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
  else payload = JSON.stringify(body);
  const headers: Record<string, string | number> = { ...response.headers };
  if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  headers['content-length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
  headers['x-amzn-requestid'] ??= crypto.randomUUID();
  outgoing.writeHead(response.status, headers);
  outgoing.end(payload);
}
