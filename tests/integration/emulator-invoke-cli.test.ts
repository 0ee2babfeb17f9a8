import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { runAwsCli } from '../support/aws-cli';
import { functionZip, testRole, uniqueName } from '../support/function-zip';

let emulator: RunningEmulator;
const scratch = mkdtempSync(path.join(tmpdir(), 'lambdascope-invoke-cli-'));

/** Creates a Node function through the CLI itself, from a ZIP file on disk. */
async function createWithCli(name: string, source: string): Promise<void> {
  const zipPath = path.join(scratch, `${name}.zip`);
  writeFileSync(zipPath, functionZip({ 'index.mjs': source }));
  const created = await runAwsCli(emulator.url, [
    'lambda', 'create-function', '--function-name', name, '--runtime', 'nodejs20.x', '--handler', 'index.handler',
    '--role', testRole, '--zip-file', `fileb://${zipPath}`,
  ]);
  expect(created.code, created.stderr).toBe(0);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, timeScale: 0.01 });
});

afterAll(async () => {
  await emulator.close();
});

test('aws lambda invoke: payload out, executed version, and the tail of the log', async () => {
  const name = uniqueName('cli-invoke');
  await createWithCli(name, 'export const handler = async (event) => { console.log("hello from", event.who); return { greeting: `hi ${event.who}` }; };');
  const outFile = path.join(scratch, `${name}.json`);
  const result = await runAwsCli(emulator.url, [
    'lambda', 'invoke', '--function-name', name, '--cli-binary-format', 'raw-in-base64-out',
    '--payload', '{"who":"cli"}', '--log-type', 'Tail', outFile,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const response = result.json as { StatusCode: number; ExecutedVersion: string; LogResult: string; FunctionError?: string };
  expect(response).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
  expect(response.FunctionError).toBeUndefined();
  expect(JSON.parse(readFileSync(outFile, 'utf8'))).toEqual({ greeting: 'hi cli' });
  const log = Buffer.from(response.LogResult, 'base64').toString('utf8');
  expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
  expect(log).toContain('\tINFO\thello from cli');
  expect(log).toMatch(/REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t/);
});

test('aws lambda invoke: a function error, an async event, and a dry run', async () => {
  const name = uniqueName('cli-modes');
  await createWithCli(name, 'export const handler = async (event) => { if (event.fail) throw new Error("asked to fail"); return "ok"; };');
  const outFile = path.join(scratch, `${name}.json`);
  const failed = await runAwsCli(emulator.url, [
    'lambda', 'invoke', '--function-name', name, '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"fail":true}', outFile,
  ]);
  expect(failed.code).toBe(0);
  expect(failed.json).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
  expect(JSON.parse(readFileSync(outFile, 'utf8'))).toMatchObject({ errorType: 'Error', errorMessage: 'asked to fail' });
  const queued = await runAwsCli(emulator.url, ['lambda', 'invoke', '--function-name', name, '--invocation-type', 'Event', outFile]);
  expect(queued.json).toMatchObject({ StatusCode: 202 });
  const dryRun = await runAwsCli(emulator.url, ['lambda', 'invoke', '--function-name', name, '--invocation-type', 'DryRun', outFile]);
  expect(dryRun.json).toMatchObject({ StatusCode: 204 });
});

test('aws lambda invoke over reserved concurrency 0 fails with TooManyRequestsException', async () => {
  const name = uniqueName('cli-throttle');
  await createWithCli(name, 'export const handler = async () => "never";');
  const put = await runAwsCli(emulator.url, ['lambda', 'put-function-concurrency', '--function-name', name, '--reserved-concurrent-executions', '0']);
  expect(put.code, put.stderr).toBe(0);
  const throttled = await runAwsCli(emulator.url, ['lambda', 'invoke', '--function-name', name, path.join(scratch, 'never.json')]);
  expect(throttled.code).not.toBe(0);
  expect(throttled.stderr).toContain('TooManyRequestsException');
  expect(throttled.stderr).toContain('Rate Exceeded.');
});

test('aws lambda invoke of a missing function names ResourceNotFoundException', async () => {
  const missing = await runAwsCli(emulator.url, ['lambda', 'invoke', '--function-name', uniqueName('nope'), path.join(scratch, 'x.json')]);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/ResourceNotFoundException.*Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope-/);
});
