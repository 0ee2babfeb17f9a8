/**
 * npm run bench:emulator — the emulator's hot paths, each beside a baseline measured in this run:
 *  - warm sync invoke through the SDK vs a direct in-process call of the same handler
 *  - Init Duration of a no-op Node handler vs a bare `node -e 0` process start
 *  - sustained warm invokes/s vs the same load against a trivial HTTP server, with a keep-alive HTTP
 *    load generator (measures the emulator) and with the SDK (which costs ~1 ms CPU a request itself)
 * Targets (issue #2): warm overhead p50 < 2 ms, cold start < 150 ms, ≥ 1,000 invokes/s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { startEmulator } from '../lib/emulator/start-emulator';

const NOOP_HANDLER = 'export const handler = async () => ({ ok: true });';
const WARM_SAMPLES = 3_000;
const COLD_SAMPLES = 25;
const THROUGHPUT_SECONDS = 5;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(3)} ms`;
const payload = new TextEncoder().encode('{}');

const emulator = await startEmulator({ port: 0 });
const client = (endpoint: string) =>
  new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
const lambda = client(emulator.url);
const role = 'arn:aws:iam::000000000000:role/bench';
await lambda.send(
  new CreateFunctionCommand({
    FunctionName: 'bench-noop',
    Runtime: 'nodejs20.x',
    Role: role,
    Handler: 'index.handler',
    Code: { ZipFile: zipSync({ 'index.mjs': strToU8(NOOP_HANDLER) }) },
    MemorySize: 1024,
  }),
);

// 1. Warm round trip vs a direct call of the same handler in this process.
const scratch = mkdtempSync(path.join(tmpdir(), 'lambdascope-bench-'));
writeFileSync(path.join(scratch, 'index.mjs'), NOOP_HANDLER);
const { handler } = (await import(pathToFileURL(path.join(scratch, 'index.mjs')).href)) as { handler: () => Promise<unknown> };
const direct: number[] = [];
for (let i = 0; i < WARM_SAMPLES; i += 1) {
  const started = performance.now();
  JSON.stringify(await handler());
  direct.push(performance.now() - started);
}
for (let i = 0; i < 200; i += 1) await lambda.send(new InvokeCommand({ FunctionName: 'bench-noop', Payload: payload }));
const warm: number[] = [];
for (let i = 0; i < WARM_SAMPLES; i += 1) {
  const started = performance.now();
  await lambda.send(new InvokeCommand({ FunctionName: 'bench-noop', Payload: payload }));
  warm.push(performance.now() - started);
}
const overheadP50 = percentile(warm, 50) - percentile(direct, 50);

// 2. Cold starts: each configuration change retires the warm environment, so the next invoke is cold.
const initDurations: number[] = [];
for (let i = 0; i < COLD_SAMPLES; i += 1) {
  await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'bench-noop', Description: `cold ${i}` }));
  const response = await lambda.send(new InvokeCommand({ FunctionName: 'bench-noop', Payload: payload, LogType: 'Tail' }));
  const log = Buffer.from(response.LogResult ?? '', 'base64').toString('utf8');
  const init = Number(/Init Duration: ([\d.]+) ms/.exec(log)?.[1]);
  if (Number.isFinite(init)) initDurations.push(init);
}
const bareNode: number[] = [];
for (let i = 0; i < COLD_SAMPLES; i += 1) {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  bareNode.push(performance.now() - started);
}

// 3. Throughput: load from worker threads, against the emulator and against a trivial HTTP server.
const LOAD_WORKERS = 1;
async function sustainedRate(endpoint: string, client: 'sdk' | 'http', clients: number): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: LOAD_WORKERS }, () => {
      const worker = new Worker(new URL('./invoke-load-worker.mjs', import.meta.url), {
        workerData: { endpoint, functionName: 'bench-noop', clients: clients / LOAD_WORKERS, seconds: THROUGHPUT_SECONDS, client },
      });
      return new Promise<number>((resolve, reject) => {
        worker.once('message', (count: number) => resolve(count));
        worker.once('error', reject);
      });
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0) / THROUGHPUT_SECONDS;
}
const echo = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
    response.end('{"ok":true}');
  });
});
await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
const rates: Array<{ clients: number; client: 'http' | 'sdk'; emulator: number; baseline: number }> = [];
for (const [clients, client] of [[4, 'http'], [16, 'http'], [16, 'sdk']] as const) {
  rates.push({ clients, client, baseline: await sustainedRate(echoUrl, client, clients), emulator: await sustainedRate(emulator.url, client, clients) });
}
echo.close();
await emulator.close();
rmSync(scratch, { recursive: true, force: true });

const rows: Array<[string, string, string, string]> = [
  ['warm sync invoke via SDK, p50', ms(percentile(warm, 50)), `direct call ${ms(percentile(direct, 50))}`, `overhead ${ms(overheadP50)} (target < 2 ms)`],
  ['warm sync invoke via SDK, p99', ms(percentile(warm, 99)), `direct call ${ms(percentile(direct, 99))}`, ''],
  ['Init Duration (no-op Node), p50', ms(percentile(initDurations, 50)), `bare node start ${ms(percentile(bareNode, 50))}`, `ratio ${(percentile(initDurations, 50) / percentile(bareNode, 50)).toFixed(2)} (target < 150 ms)`],
  ['Init Duration (no-op Node), p99', ms(percentile(initDurations, 99)), `bare node start ${ms(percentile(bareNode, 99))}`, ''],
  ...rates.map(({ clients, client, emulator: rate, baseline }): [string, string, string, string] => [
    `sustained warm invokes/s, ${client === 'http' ? 'HTTP' : 'SDK'} load, ${clients} clients`,
    rate.toFixed(0),
    `trivial HTTP server ${baseline.toFixed(0)}`,
    `ratio ${(rate / baseline).toFixed(2)}${client === 'http' ? ' (target ≥ 1,000/s)' : " (the SDK's own CPU caps this)"}`,
  ]),
];
console.log(`\nEmulator benchmark (${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} cores)`);
for (const [label, figure, baseline, note] of rows) console.log(`${label.padEnd(48)} ${figure.padStart(12)}   ${baseline.padEnd(32)} ${note}`);
