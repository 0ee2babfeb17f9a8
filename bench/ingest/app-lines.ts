import type { LogFormat } from '../../lib/emulator/runtime/platform-lines';
import type { BenchRuntime } from './function-profiles';
import type { SeededRandom } from './seeded-random';

/**
 * The function's own output, as the emulator's runtimes write it (lib/emulator/runtime/bootstraps:
 * node-bootstrap.mjs `logLine`/`logError`, python-bootstrap.py `TextFormatter`/`JsonFormatter`/
 * `log_unhandled`), which follow AWS's runtimes. platform-lines.ts has no formatter for these: they
 * are written inside the function's process.
 */
export type AppError = { errorType: string; errorMessage: string; stack: string[] };

export function formatInfoLine(runtime: BenchRuntime, format: LogFormat, time: number, requestId: string, message: string): string {
  const iso = new Date(time).toISOString();
  if (runtime === 'node') {
    if (format === 'JSON') return `${JSON.stringify({ timestamp: iso, level: 'INFO', requestId, message })}\n`;
    return `${iso}\t${requestId}\tINFO\t${message}\n`;
  }
  if (format === 'JSON') {
    return `${pythonJson({ timestamp: `${iso.slice(0, 19)}Z`, level: 'INFO', message, logger: 'root', requestId })}\n`;
  }
  return `[INFO]\t${iso}\t${requestId}\t${message}\n`;
}

/** The runtime's report of an unhandled error (Node: `Invoke Error \t{…}` at ERROR level; Python: `[ERROR] Type: message` + traceback). */
export function formatErrorLine(runtime: BenchRuntime, format: LogFormat, time: number, requestId: string, error: AppError): string {
  const iso = new Date(time).toISOString();
  if (runtime === 'node') {
    if (format === 'JSON') {
      const { errorType, errorMessage, stack } = error;
      return `${JSON.stringify({ timestamp: iso, level: 'ERROR', requestId, message: 'Invoke Error', errorType, errorMessage, stackTrace: stack })}\n`;
    }
    const details = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.stack });
    return `${iso}\t${requestId}\tERROR\tInvoke Error \t${details}\n`;
  }
  if (format === 'JSON') {
    const { errorType, errorMessage, stack } = error;
    return `${pythonJson({ timestamp: `${iso.slice(0, 19)}Z`, log_level: 'ERROR', errorMessage, errorType, requestId, stackTrace: stack })}\n`;
  }
  const lines = [`[ERROR] ${error.errorType}: ${error.errorMessage}`, 'Traceback (most recent call last):'];
  for (const frame of error.stack) {
    for (const line of frame.replace(/\n$/, '').split('\n')) lines.push(line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)));
  }
  return `${lines.join('\r')}\n`;
}

/** What V8 prints to stderr as it dies of heap exhaustion (FORMATS.md §1.9), in either log format. */
export const nodeHeapOutOfMemoryLine = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n';

export function appError(runtime: BenchRuntime, random: SeededRandom): AppError {
  const id = random.int(1, 99_999);
  if (runtime === 'node') {
    const { errorType, errorMessage } = random.pick([
      { errorType: 'Error', errorMessage: `order ${id} not found` },
      { errorType: 'TypeError', errorMessage: "Cannot read properties of undefined (reading 'items')" },
      { errorType: 'ValidationError', errorMessage: `field "quantity" must be positive (order ${id})` },
    ]);
    return {
      errorType,
      errorMessage,
      stack: [
        `${errorType}: ${errorMessage}`,
        '    at loadOrder (file:///var/task/orders.mjs:41:11)',
        '    at async Runtime.handler (file:///var/task/index.mjs:12:19)',
      ],
    };
  }
  const { errorType, errorMessage } = random.pick([
    { errorType: 'KeyError', errorMessage: `'order_${id}'` },
    { errorType: 'ValueError', errorMessage: `invalid quantity for order ${id}` },
    { errorType: 'botocore.exceptions.ClientError', errorMessage: 'An error occurred (ThrottlingException) when calling the Query operation' },
  ]);
  return {
    errorType,
    errorMessage,
    stack: [
      '  File "/var/task/app.py", line 27, in handler\n    order = load_order(event["orderId"])\n',
      '  File "/var/task/orders.py", line 41, in load_order\n    raise error\n',
    ],
  };
}

export function appMessage(random: SeededRandom): string {
  const n = random.int(1, 999_999);
  switch (random.int(0, 5)) {
    case 0:
      return `processing order ${n}`;
    case 1:
      return `fetched ${random.int(0, 200)} items from orders-table in ${random.int(2, 90)} ms`;
    case 2:
      return `{"msg":"request handled","path":"/api/orders/${n}","status":200,"latencyMs":${random.int(1, 400)}}`;
    case 3:
      return `cache ${random.chance(0.8) ? 'hit' : 'miss'} for customer#${n}`;
    case 4:
      return `published event OrderUpdated id=${random.hex(16)} to bus default`;
    default:
      // A payload dump: some lines are long.
      return `event: {"orderId":"${n}","customer":{"id":"${random.hex(12)}","tier":"gold"},"items":[${Array.from(
        { length: random.int(1, 8) },
        (_, index) => `{"sku":"SKU-${index}-${random.hex(6)}","qty":${random.int(1, 5)},"price":${random.int(100, 99_999) / 100}}`,
      ).join(',')}]}`;
  }
}

/** Python's `json.dumps` separators (`", "` and `": "`), which differ from JSON.stringify's. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`)
      .join(', ')}}`;
  }
  // Python escapes non-ASCII by default (ensure_ascii).
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
