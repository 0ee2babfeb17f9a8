import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { deployFunction, invokeSync } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { sdkClients } from '../support/sdk-clients';

// Inside this project, whose package.json says "type": "module": function code must not inherit it.
const dataDir = path.resolve('.data', uniqueName('test-modules'));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir });
});

afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test.each([
  ['CommonJS index.js', 'index.handler', { 'index.js': 'exports.handler = async () => "cjs";' }, 'cjs'],
  ['CommonJS with module.exports and require', 'index.handler', { 'index.js': 'const os = require("os"); module.exports.handler = async () => typeof os.cpus;' }, 'function'],
  ['ESM index.js under package.json type module', 'index.handler', { 'index.js': 'export const handler = async () => "esm";', 'package.json': '{"type":"module"}' }, 'esm'],
  ['index.mjs', 'index.handler', { 'index.mjs': 'export const handler = async () => "mjs";' }, 'mjs'],
  ['index.cjs', 'index.handler', { 'index.cjs': 'exports.handler = async () => "explicit cjs";' }, 'explicit cjs'],
  ['a nested CommonJS handler', 'src/app.handler', { 'src/app.js': 'exports.handler = async () => "nested";' }, 'nested'],
])('%s runs as AWS runs it', async (_case, handler, files, expected) => {
  const name = uniqueName('module');
  await deployFunction(sdkClients(emulator.url).lambda, name, files, { handler });
  const result = await invokeSync(sdkClients(emulator.url).lambda, name);
  expect(result.functionError).toBeUndefined();
  expect(result.body).toBe(expected);
});

test('a CommonJS syntax error is Runtime.UserCodeSyntaxError', async () => {
  const name = uniqueName('module-syntax');
  await deployFunction(sdkClients(emulator.url).lambda, name, { 'index.js': 'exports.handler = async () => {;' });
  expect((await invokeSync(sdkClients(emulator.url).lambda, name)).body).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError' });
});
