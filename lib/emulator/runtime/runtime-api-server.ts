import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the runtime inside an environment reported through the Runtime API. */
export type RuntimeResult = {
  requestId: string;
  kind: 'response' | 'error';
  body: Buffer;
  /** From `Lambda-Runtime-Function-Error-Type` on /error. */
  errorType?: string;
  /** Log bytes the runtime says it wrote before answering (our Node bootstrap sends them). */
  stdoutBytes?: number;
  stderrBytes?: number;
};

export type RuntimeApiListener = {
  /** The runtime is waiting for its next event: INIT is over (first call) or the last invoke is answered. */
  onNext: () => void;
  onResult: (result: RuntimeResult) => void;
  onInitError: (errorType: string, body: Buffer) => void;
};

export type InvocationEvent = { requestId: string; payload: Buffer; headers: Record<string, string> };

const API = '/2018-06-01/runtime';
const invocationPath = new RegExp(`^${API}/invocation/([^/]+)/(response|error)$`);

/**
 * The Lambda Runtime API of one execution environment (one listener each, so the environment is
 * known from the connection alone and a runtime can never answer another environment's event).
 */
export class RuntimeApiServer {
  private pendingNext: ServerResponse | null = null;
  private queuedEvent: InvocationEvent | null = null;
  private readonly server = createServer((request, response) => this.route(request, response));
  /** `host:port`, as AWS_LAMBDA_RUNTIME_API carries it. */
  address = '';

  private constructor(private readonly listener: RuntimeApiListener) {}

  static async start(listener: RuntimeApiListener): Promise<RuntimeApiServer> {
    const api = new RuntimeApiServer(listener);
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    const { port } = api.server.address() as AddressInfo;
    api.address = `127.0.0.1:${port}`;
    return api;
  }

  /** Answers the runtime's `/next` with an event, now or as soon as the runtime asks. */
  deliver(event: InvocationEvent): void {
    const pending = this.pendingNext;
    if (!pending) {
      this.queuedEvent = event;
      return;
    }
    this.pendingNext = null;
    this.queuedEvent = null;
    pending.writeHead(200, {
      'content-type': 'application/json',
      'content-length': event.payload.length,
      'lambda-runtime-aws-request-id': event.requestId,
      ...event.headers,
    });
    pending.end(event.payload);
  }

  async close(): Promise<void> {
    this.pendingNext?.destroy();
    this.pendingNext = null;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private route(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '';
    if (request.method === 'GET' && url === `${API}/invocation/next`) {
      this.pendingNext = response;
      if (this.queuedEvent) this.deliver(this.queuedEvent);
      else this.listener.onNext();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const invocation = request.method === 'POST' ? invocationPath.exec(url) : null;
      if (invocation) {
        const errorType = header(request, 'lambda-runtime-function-error-type');
        accepted(response);
        this.listener.onResult({
          requestId: decodeURIComponent(invocation[1] ?? ''),
          kind: invocation[2] === 'error' ? 'error' : 'response',
          body,
          ...(errorType ? { errorType } : {}),
          ...byteCounts(request),
        });
        return;
      }
      if (request.method === 'POST' && url === `${API}/init/error`) {
        accepted(response);
        this.listener.onInitError(header(request, 'lambda-runtime-function-error-type') ?? 'Runtime.Unknown', body);
        return;
      }
      const notFound = JSON.stringify({ errorMessage: `Unknown Runtime API path ${url}`, errorType: 'InvalidRequest' });
      response.writeHead(404, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(notFound) });
      response.end(notFound);
    });
  }
}

const ACCEPTED_BODY = '{"status":"OK"}';

/** Every Runtime API response carries Content-Length: runtimes may read the stream without chunk parsing. */
function accepted(response: ServerResponse): void {
  response.writeHead(202, { 'content-type': 'application/json', 'content-length': ACCEPTED_BODY.length });
  response.end(ACCEPTED_BODY);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function byteCounts(request: IncomingMessage): { stdoutBytes?: number; stderrBytes?: number } {
  const stdout = Number(header(request, 'lambdascope-stdout-bytes'));
  const stderr = Number(header(request, 'lambdascope-stderr-bytes'));
  return Number.isFinite(stdout) && Number.isFinite(stderr) ? { stdoutBytes: stdout, stderrBytes: stderr } : {};
}
