/**
 * The demo fleet: between them these functions show every signal Lambdascope reads — cold and warm
 * starts, errors retried asynchronously into an on-failure destination, throttles, timeouts, an
 * out-of-memory kill, JSON logs, Python, and a weighted alias.
 */
export type DemoFunction = {
  name: string;
  runtime: 'nodejs20.x' | 'nodejs22.x' | 'python3.12';
  handler: string;
  files: Record<string, string>;
  memorySize?: number;
  timeout?: number;
  logFormat?: 'Text' | 'JSON';
  reservedConcurrency?: number;
  onFailureDestination?: string;
};

export const DEMO_ON_FAILURE_DESTINATION = 'arn:aws:sqs:us-east-1:000000000000:lambdascope-demo-failures';

export const demoFunctions: DemoFunction[] = [
  {
    name: 'demo-api',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    files: {
      'index.mjs': `
const startedAt = Date.now();
export const handler = async (event) => {
  const work = 5 + Math.random() * (event.heavy ? 200 : 40);
  await new Promise((resolve) => setTimeout(resolve, work));
  console.log('served', event.path ?? '/', 'in', Math.round(work), 'ms');
  return { statusCode: 200, body: JSON.stringify({ ok: true, warmForMs: Date.now() - startedAt }) };
};`,
    },
  },
  {
    name: 'demo-flaky',
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    onFailureDestination: DEMO_ON_FAILURE_DESTINATION,
    files: {
      'index.js': `
exports.handler = async (event) => {
  if (event.fail || Math.random() < 0.2) {
    console.error('payment provider unavailable for order', event.orderId);
    throw new Error('Payment provider unavailable');
  }
  console.info('order', event.orderId, 'charged');
  return { charged: true };
};`,
    },
  },
  {
    name: 'demo-throttled',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    reservedConcurrency: 1,
    files: {
      'index.mjs': `
export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 150));
  return { done: true };
};`,
    },
  },
  {
    name: 'demo-slow',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    timeout: 1,
    files: {
      'index.mjs': `
export const handler = async (event) => {
  const wait = event.slow ? 1500 : 100 + Math.random() * 300;
  console.log('waiting', Math.round(wait), 'ms on the report database');
  await new Promise((resolve) => setTimeout(resolve, wait));
  return { report: 'ready' };
};`,
    },
  },
  {
    name: 'demo-memory-hog',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    memorySize: 128,
    files: {
      'index.mjs': `
export const handler = async (event) => {
  const chunks = [];
  const megabytes = event.megabytes ?? 16;
  for (let i = 0; i < megabytes; i += 8) {
    chunks.push(Buffer.alloc(8 * 1024 * 1024, 1));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { held: chunks.length * 8 };
};`,
    },
  },
  {
    name: 'demo-json-logs',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    logFormat: 'JSON',
    files: {
      'index.mjs': `
export const handler = async (event) => {
  console.log({ msg: 'structured event', userId: event.userId ?? 'anonymous' });
  console.warn('cache miss for', event.userId ?? 'anonymous');
  return { ok: true };
};`,
    },
  },
  {
    name: 'demo-python',
    runtime: 'python3.12',
    handler: 'app.handler',
    files: {
      'app.py': `
import logging
import random

logger = logging.getLogger()


def handler(event, context):
    logger.info("resizing image %s", event.get("key", "cat.png"))
    if event.get("fail") or random.random() < 0.1:
        raise ValueError("unsupported image format")
    return {"resized": True, "remaining_ms": context.get_remaining_time_in_millis()}
`,
    },
  },
];
