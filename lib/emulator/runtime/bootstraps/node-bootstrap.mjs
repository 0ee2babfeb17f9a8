// The Node.js runtime of an emulated execution environment: loads the handler (INIT), then loops on
// the Lambda Runtime API (`/2018-06-01/runtime/invocation/next` …) as AWS's Node runtime client does.
// Plain JavaScript with no dependencies: it runs inside the function's own process.
import net from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';

const [apiHost, apiPort] = String(process.env.AWS_LAMBDA_RUNTIME_API).split(':');
const jsonFormat = process.env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const API = '/2018-06-01/runtime';

let currentRequestId;
// Bytes written so far, sent with each result so the emulator can wait for every log line before END.
const written = { stdout: 0, stderr: 0 };
for (const name of ['stdout', 'stderr']) {
  const stream = process[name];
  const originalWrite = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    written[name] += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    return originalWrite(chunk, ...rest);
  };
}

function logLine(level, args) {
  if (jsonFormat) {
    const record = { timestamp: new Date().toISOString(), level, requestId: currentRequestId };
    const [first] = args;
    if (args.length === 1 && first instanceof Error) {
      Object.assign(record, { message: first.message, errorType: first.name, errorMessage: first.message, stackTrace: String(first.stack).split('\n') });
    } else if (args.length === 1 && typeof first !== 'string') {
      record.message = first;
    } else {
      record.message = format(...args);
    }
    process.stdout.write(`${safeStringify(record)}\n`);
    return;
  }
  // AWS's runtime turns newlines into \r so one console call stays one CloudWatch event.
  const message = format(...args).replace(/\n/g, '\r');
  process.stdout.write(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${message}\n`);
}

const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE', fatal: 'FATAL' };
for (const [method, level] of Object.entries(levels)) console[method] = (...args) => logLine(level, args);

function safeStringify(value) {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify(format(value));
  }
}

/**
 * A minimal HTTP/1.1 client for the Runtime API on one keep-alive connection. Requests may be
 * pipelined: after an invoke, the result and the next `GET /next` leave in one write, so the
 * emulator is woken once instead of twice. Responses come back in order (Content-Length bodies).
 */
class RuntimeApiClient {
  constructor(host, port) {
    this.waiting = [];
    this.received = Buffer.alloc(0);
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk) => this.receive(chunk));
    // Without the emulator there is nothing left to run for: end as AWS's runtime would.
    this.socket.on('error', () => process.exit(1));
    this.socket.on('close', () => process.exit(1));
  }

  request(method, pathname, body, headers = {}) {
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
    let head = `${method} ${pathname} HTTP/1.1\r\nHost: ${apiHost}:${apiPort}\r\nContent-Length: ${payload.length}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    this.socket.write(`${head}\r\n`);
    if (payload.length > 0) this.socket.write(payload);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Sends several requests in one write. */
  pipeline(send) {
    this.socket.cork();
    const results = send();
    this.socket.uncork();
    return results;
  }

  receive(chunk) {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    for (;;) {
      const headEnd = this.received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const [statusLine, ...lines] = this.received.toString('latin1', 0, headEnd).split('\r\n');
      const headers = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (this.received.length < headEnd + 4 + length) return;
      const body = this.received.subarray(headEnd + 4, headEnd + 4 + length);
      this.received = this.received.subarray(headEnd + 4 + length);
      this.waiting.shift()?.({ status: Number(statusLine.split(' ')[1]), headers, body });
    }
  }
}

const api = new RuntimeApiClient(apiHost, Number(apiPort));

function logBytesHeaders() {
  return { 'lambdascope-stdout-bytes': String(written.stdout), 'lambdascope-stderr-bytes': String(written.stderr) };
}

function errorBody(error) {
  const isError = error instanceof Error;
  return {
    errorType: isError ? error.name : typeof error,
    errorMessage: isError ? error.message : String(error),
    trace: isError && error.stack ? error.stack.split('\n') : [],
  };
}

/** Logs an error as AWS's runtime does: `<label> \t{"errorType",…,"stack":[…]}` at ERROR level. */
function logError(label, error) {
  const { errorType, errorMessage, trace } = errorBody(error);
  const details = { errorType, errorMessage, stack: trace };
  if (jsonFormat) {
    process.stdout.write(`${safeStringify({ timestamp: new Date().toISOString(), level: 'ERROR', requestId: currentRequestId, message: label, errorType, errorMessage, stackTrace: trace })}\n`);
  } else {
    logLine('ERROR', [label, `\t${JSON.stringify(details)}`]);
  }
}

async function postError(pathname, error, errorType) {
  const body = errorBody(error);
  if (errorType) body.errorType = errorType;
  await api.request('POST', pathname, JSON.stringify(body), {
    'content-type': 'application/json',
    'lambda-runtime-function-error-type': body.errorType,
    ...logBytesHeaders(),
  });
}

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

async function loadHandler() {
  const handlerSetting = process.env._HANDLER ?? '';
  const lastSlash = handlerSetting.lastIndexOf('/');
  const dot = handlerSetting.indexOf('.', lastSlash + 1);
  if (dot < 0) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerSetting}: missing function name`);
  const moduleName = handlerSetting.slice(0, dot);
  const functionPath = handlerSetting.slice(dot + 1).split('.');
  const base = path.resolve(taskRoot, moduleName);
  const file = ['.js', '.mjs', '.cjs'].map((extension) => base + extension).find((candidate) => existsSync(candidate));
  if (!file) {
    throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- /var/runtime/index.mjs`);
  }
  let loaded;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`);
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') {
      throw new RuntimeError('Runtime.ImportModuleError', `Error: ${error.message}`);
    }
    throw error;
  }
  // A CommonJS module's exports arrive as `default` (and often as named exports too).
  let handler = functionPath.reduce((value, key) => value?.[key], loaded);
  if (typeof handler !== 'function') handler = functionPath.reduce((value, key) => value?.[key], loaded.default);
  if (typeof handler !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${moduleName}.${functionPath.join('.')} is undefined or not exported`);
  }
  return handler;
}

function buildContext(headers, settle) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error, result) => settle(error, result),
    succeed: (result) => settle(null, result),
    fail: (error) => settle(error ?? new Error('handled')),
  };
  if (headers['lambda-runtime-client-context']) context.clientContext = JSON.parse(headers['lambda-runtime-client-context']);
  if (headers['lambda-runtime-cognito-identity']) context.identity = JSON.parse(headers['lambda-runtime-cognito-identity']);
  return context;
}

function runHandler(handler, event, headers) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== null && error !== undefined) reject(error);
      else resolve(result);
    };
    const context = buildContext(headers, settle);
    try {
      const returned = handler(event, context, settle);
      if (returned && typeof returned.then === 'function') returned.then((result) => settle(null, result), (error) => settle(error ?? new Error('rejected')));
      else if (handler.length < 3) settle(null, returned);
    } catch (error) {
      settle(error);
    }
  });
}

function crashOn(label) {
  return async (error) => {
    logError(label, error);
    if (currentRequestId) await postError(`${API}/invocation/${currentRequestId}/error`, error).catch(() => {});
    process.exit(129);
  };
}
process.on('uncaughtException', crashOn('Uncaught Exception'));
process.on('unhandledRejection', crashOn('Unhandled Promise Rejection'));

let handler;
try {
  handler = await loadHandler();
} catch (error) {
  logError('Uncaught Exception', error);
  await postError(`${API}/init/error`, error);
  process.exit(1);
}

let nextEvent = api.request('GET', `${API}/invocation/next`);
for (;;) {
  const next = await nextEvent;
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  currentRequestId = requestId;
  process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] ?? '';
  let posted;
  try {
    const event = next.body.length === 0 ? {} : JSON.parse(next.body.toString('utf8'));
    const result = await runHandler(handler, event, next.headers);
    const body = result === undefined ? 'null' : JSON.stringify(result);
    [posted, nextEvent] = api.pipeline(() => [
      api.request('POST', `${API}/invocation/${requestId}/response`, body, { 'content-type': 'application/json', ...logBytesHeaders() }),
      api.request('GET', `${API}/invocation/next`),
    ]);
  } catch (error) {
    logError('Invoke Error', error);
    [posted, nextEvent] = api.pipeline(() => [
      postError(`${API}/invocation/${requestId}/error`, error),
      api.request('GET', `${API}/invocation/next`),
    ]);
  }
  await posted;
}
