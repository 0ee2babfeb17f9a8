import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { deployFunction, invokeSync } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { isRunning } from '../support/processes';
import { sdkClients } from '../support/sdk-clients';

const cli = path.resolve('bin/lambdascope.mjs');
let running: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  running?.kill('SIGKILL');
  running = undefined;
});

/** Starts `lambdascope emulator` as a user would and waits for the line that gives its URL. */
async function startCli(args: string[]): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, 'emulator', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  running = child;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, output: () => output };
}

test('lambdascope emulator serves the APIs, logs each request, and Ctrl-C stops every environment', async () => {
  const { url, output } = await startCli(['--port', '0', '--in-memory']);
  expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'running' });
  const { lambda } = sdkClients(url);
  const name = uniqueName('cli-served');
  await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => process.pid;' });
  const environmentPid = (await invokeSync(lambda, name)).body as number;
  expect(isRunning(environmentPid)).toBe(true);
  // The request line is written once the response has gone out: wait for it.
  for (let attempt = 0; attempt < 50 && !/invocations 200/.test(output()); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(output()).toMatch(/POST \/2015-03-31\/functions\/\S+\/invocations 200 [\d.]+ms/);

  const child = running as ChildProcessWithoutNullStreams;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output()).toContain('Stopping');
  expect(isRunning(environmentPid)).toBe(false);
});

test.each([
  [['--port', 'eighty'], '--port'],
  [['--time-scale', '-1'], '--time-scale'],
  [['--no-such-flag'], "Unknown option '--no-such-flag'"],
])('a bad flag (%j) exits 2 and names the flag', (args, named) => {
  const result = spawnSync(process.execPath, [cli, 'emulator', ...args], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(named);
  expect(result.stderr).toContain('Usage: lambdascope emulator');
});

test('lambdascope --help lists the commands; an unknown command exits 2', () => {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/emulator[\s\S]*demo[\s\S]*start/);
  const unknown = spawnSync(process.execPath, [cli, 'frobnicate'], { encoding: 'utf8' });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain("Unknown command 'frobnicate'");
});
