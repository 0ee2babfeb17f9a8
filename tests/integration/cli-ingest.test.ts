import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrateDatabase } from '../../lib/db/migrate-database';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { deployFunction, invokeSync } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { sdkClients } from '../support/sdk-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const cli = path.resolve('bin/lambdascope.mjs');
let emulator: RunningEmulator;
let database: TestDatabase;
const functionName = uniqueName('cli-ingest');
let requestId = '';

/** Runs `lambdascope …` as a user would, against this test's database. */
function lambdascope(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const { lambda } = sdkClients(emulator.url);
  await deployFunction(lambda, functionName, { 'index.mjs': 'export const handler = async (event) => { console.log("handled", event.n); return event.n; };' });
  for (let n = 0; n < 3; n += 1) {
    const result = await invokeSync(lambda, functionName, { n });
    requestId = /START RequestId: (\S+)/.exec(result.log)?.[1] ?? requestId;
  }
  database = await createTestDatabase('cli_ingest');
  await migrateDatabase(database.url);
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await database?.drop();
});

test('source add refuses what cannot work, naming the field, and stores nothing', async () => {
  const unreachable = await lambdascope(['source', 'add', '--name', 'nowhere', '--emulator', 'http://127.0.0.1:9']);
  expect(unreachable.code).toBe(1);
  expect(unreachable.stderr).toContain("--endpoint: Nothing listens at http://127.0.0.1:9: start it with 'lambdascope emulator'.");
  const badRegion = await lambdascope(['source', 'add', '--name', 'bad', '--region', 'moon']);
  expect(badRegion.code).toBe(2);
  expect(badRegion.stderr).toContain('--region: must look like us-east-1');
  const listed = await lambdascope(['source', 'list', '--json']);
  expect(JSON.parse(listed.stdout)).toEqual([]);
});

test('source add, worker --once, then functions and request show what was ingested', async () => {
  const added = await lambdascope(['source', 'add', '--name', 'local', '--emulator', emulator.url]);
  expect(added.code, added.stderr).toBe(0);
  expect(added.stdout).toMatch(/Added source \d+ 'local' \(emulator, us-east-1\)/);

  const worker = await lambdascope(['worker', '--once']);
  expect(worker.code, worker.stderr).toBe(0);
  expect(worker.stdout).toMatch(/local: \d+ functions, \d+ log groups, \d+ new of \d+ events/);
  expect(worker.stdout).toContain(`/aws/lambda/${functionName}: backfill done, `);

  const sources = await lambdascope(['source', 'list']);
  expect(sources.stdout).toMatch(/^\d+\tlocal\temulator\thttp:\/\/127\.0\.0\.1:\d+\t\d+ log groups, \d+ s behind, backfill done, \d[\d,]* events$/m);
  const [health] = JSON.parse((await lambdascope(['source', 'list', '--json'])).stdout) as Array<{ backfill: { status: string; shareDone: number } }>;
  expect(health?.backfill).toMatchObject({ status: 'done', shareDone: 1 });

  const functions = await lambdascope(['functions', '--since', '1h', '--json']);
  expect(functions.code, functions.stderr).toBe(0);
  expect(functions.stdout).toContain(functionName);
  expect(functions.stdout).toMatch(/"invocations":\s*3/);

  const request = await lambdascope(['request', requestId, '--json']);
  expect(request.code, request.stderr).toBe(0);
  expect(request.stdout).toContain(requestId);
  expect(request.stdout).toContain('handled 2');
}, 120_000);
