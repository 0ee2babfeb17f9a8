// A load generator in its own thread (its own event loop, so the client does not steal the
// emulator's): invokes a function with `clients` concurrent loops for `seconds`, posts the count.
// `client: 'sdk'` uses the AWS SDK v3 (about 1 ms of CPU per request on its own); `client: 'http'`
// sends the same Invoke request over keep-alive HTTP, so the emulator, not the client, is measured.
// Plain JavaScript: worker threads do not inherit the tsx loader.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

const { endpoint, functionName, clients, seconds, client } = workerData;
const payload = new TextEncoder().encode('{}');

function sdkInvoker() {
  const lambda = new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
  return () => lambda.send(new InvokeCommand({ FunctionName: functionName, Payload: payload }));
}

function httpInvoker() {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const url = `${endpoint}/2015-03-31/functions/${functionName}/invocations`;
  return () =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
}

const invoke = client === 'sdk' ? sdkInvoker() : httpInvoker();
const deadline = performance.now() + seconds * 1000;
let completed = 0;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      await invoke();
      completed += 1;
    }
  }),
);
parentPort?.postMessage(completed);
