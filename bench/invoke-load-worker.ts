/**
 * A load generator in its own thread (its own event loop, so the client does not steal the
 * emulator's): invokes a function with `clients` concurrent loops for `seconds`, posts the count.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

type LoadOrder = { endpoint: string; functionName: string; clients: number; seconds: number };
const order = workerData as LoadOrder;
const lambda = new LambdaClient({
  endpoint: order.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  maxAttempts: 1,
});
const payload = new TextEncoder().encode('{}');
const deadline = performance.now() + order.seconds * 1000;
let completed = 0;
await Promise.all(
  Array.from({ length: order.clients }, async () => {
    while (performance.now() < deadline) {
      await lambda.send(new InvokeCommand({ FunctionName: order.functionName, Payload: payload }));
      completed += 1;
    }
  }),
);
parentPort?.postMessage(completed);
