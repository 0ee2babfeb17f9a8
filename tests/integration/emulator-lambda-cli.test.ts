import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/start-emulator';
import { runAwsCli } from '@/tests/support/aws-cli';
import { functionZip, testRole, uniqueName } from '@/tests/support/function-zip';
import { sdkClients } from '@/tests/support/sdk-clients';

// The AWS CLI v2 (2.9.19) by absolute path; it predates LoggingConfig, which these tests leave out.
const arnPrefix = 'arn:aws:lambda:us-east-1:000000000000:function:';

let emulator: RunningEmulator;
let workDir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  workDir = await mkdtemp(path.join(tmpdir(), 'lambdascope-cli-zips-'));
});

afterAll(async () => {
  await emulator?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Runs `aws lambda …` and returns its JSON output, failing with the CLI's stderr when it exits non-zero. */
async function lambdaCli<T = Record<string, unknown>>(args: string[]): Promise<T> {
  const result = await runAwsCli(emulator.url, ['lambda', ...args]);
  if (result.code !== 0) throw new Error(`aws lambda ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.json as T;
}

/** Writes a deployment package to disk for `--zip-file fileb://…`. */
async function zipFile(marker: string): Promise<string> {
  const file = path.join(workDir, `${uniqueName('code')}.zip`);
  await writeFile(
    file,
    functionZip({ 'index.mjs': `export const handler = async () => ({ marker: ${JSON.stringify(marker)} });` }),
  );
  return `fileb://${file}`;
}

async function createFunction(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await lambdaCli([
    'create-function',
    '--function-name', name,
    '--runtime', 'nodejs20.x',
    '--role', testRole,
    '--handler', 'index.handler',
    '--zip-file', await zipFile('v1'),
  ]);
  return name;
}

type FunctionConfiguration = { FunctionName: string; FunctionArn: string; Version: string; Timeout: number; MemorySize: number; CodeSha256: string; RevisionId: string; Environment?: { Variables?: Record<string, string> } };

describe('functions and versions', () => {
  test('create, get, update code and configuration, publish, list versions, delete', async () => {
    const name = await createFunction('cli-fn');
    const fn = await lambdaCli<{ Configuration: FunctionConfiguration }>(['get-function', '--function-name', name]);
    expect(fn.Configuration).toMatchObject({ FunctionName: name, FunctionArn: arnPrefix + name, Version: '$LATEST' });

    const configured = await lambdaCli<FunctionConfiguration>([
      'update-function-configuration',
      '--function-name', name,
      '--timeout', '20',
      '--memory-size', '256',
      '--environment', 'Variables={STAGE=cli}',
    ]);
    expect(configured).toMatchObject({ Timeout: 20, MemorySize: 256, Environment: { Variables: { STAGE: 'cli' } } });
    expect(await lambdaCli(['get-function-configuration', '--function-name', name])).toMatchObject({ Timeout: 20 });

    const v1 = await lambdaCli<FunctionConfiguration>(['publish-version', '--function-name', name]);
    expect(v1.Version).toBe('1');
    const v2 = await lambdaCli<FunctionConfiguration>([
      'update-function-code', '--function-name', name, '--zip-file', await zipFile('v2'), '--publish',
    ]);
    expect(v2).toMatchObject({ Version: '2', FunctionArn: `${arnPrefix}${name}:2` });
    expect(v2.CodeSha256).not.toBe(v1.CodeSha256);

    const versions = await lambdaCli<{ Versions: FunctionConfiguration[] }>(['list-versions-by-function', '--function-name', name]);
    expect(versions.Versions.map((version) => version.Version)).toEqual(['$LATEST', '1', '2']);

    const deleted = await runAwsCli(emulator.url, ['lambda', 'delete-function', '--function-name', name]);
    expect(deleted.code).toBe(0);
  });

  test('list-functions follows NextMarker across more than 50 functions', async () => {
    const own = await startEmulator({ port: 0 });
    try {
      // Created through the SDK (a CLI call costs a Python start-up); listing is what is tested here.
      const client = sdkClients(own.url).lambda;
      const ZipFile = functionZip({ 'index.mjs': 'export const handler = async () => ({});' });
      const created = Array.from({ length: 53 }, (_, index) => uniqueName(`cli-page-${index}`));
      for (const name of created) {
        await client.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile } }));
      }
      // The CLI pages on its own: it must see all 53 through two Marker pages.
      const listed = await runAwsCli(own.url, ['lambda', 'list-functions']);
      expect(listed.code, listed.stderr).toBe(0);
      const names = (listed.json as { Functions: Array<{ FunctionName: string }> }).Functions.map((fn) => fn.FunctionName);
      expect(new Set(names)).toEqual(new Set(created));
    } finally {
      await own.close();
    }
  });

  test('errors exit non-zero and name the exception on stderr', async () => {
    const missing = await runAwsCli(emulator.url, ['lambda', 'get-function', '--function-name', uniqueName('cli-missing')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');

    const name = await createFunction('cli-errors');
    await lambdaCli(['create-alias', '--function-name', name, '--name', 'live', '--function-version', '$LATEST']);
    const duplicate = await runAwsCli(emulator.url, [
      'lambda', 'create-alias', '--function-name', name, '--name', 'live', '--function-version', '$LATEST',
    ]);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('ResourceConflictException');
    expect(duplicate.stderr).toContain(`Alias already exists: ${arnPrefix}${name}:live`);
  });
});

describe('aliases', () => {
  test('create with routing, get, list, update, delete', async () => {
    const name = await createFunction('cli-alias');
    await lambdaCli(['publish-version', '--function-name', name]);
    await lambdaCli(['update-function-code', '--function-name', name, '--zip-file', await zipFile('v2'), '--publish']);

    const created = await lambdaCli([
      'create-alias',
      '--function-name', name,
      '--name', 'live',
      '--function-version', '1',
      '--description', 'canary',
      '--routing-config', 'AdditionalVersionWeights={2=0.1}',
    ]);
    expect(created).toMatchObject({
      AliasArn: `${arnPrefix}${name}:live`,
      FunctionVersion: '1',
      Description: 'canary',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
    });
    expect(await lambdaCli(['get-alias', '--function-name', name, '--name', 'live'])).toMatchObject({ Name: 'live' });
    const listed = await lambdaCli<{ Aliases: Array<{ Name: string }> }>(['list-aliases', '--function-name', name]);
    expect(listed.Aliases.map((alias) => alias.Name)).toEqual(['live']);

    const updated = await lambdaCli([
      'update-alias', '--function-name', name, '--name', 'live', '--function-version', '2', '--routing-config', 'AdditionalVersionWeights={}',
    ]);
    expect(updated).toMatchObject({ FunctionVersion: '2', Description: 'canary' });
    expect(updated).not.toHaveProperty('RoutingConfig');

    const deleted = await runAwsCli(emulator.url, ['lambda', 'delete-alias', '--function-name', name, '--name', 'live']);
    expect(deleted.code).toBe(0);
    const gone = await runAwsCli(emulator.url, ['lambda', 'get-alias', '--function-name', name, '--name', 'live']);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('ResourceNotFoundException');
  });
});

describe('concurrency and event invoke configs', () => {
  test('account settings and reserved concurrency', async () => {
    const name = await createFunction('cli-reserved');
    const settings = await lambdaCli<{ AccountLimit: { ConcurrentExecutions: number; UnreservedConcurrentExecutions: number }; AccountUsage: { FunctionCount: number } }>([
      'get-account-settings',
    ]);
    expect(settings.AccountLimit.ConcurrentExecutions).toBe(1000);
    expect(settings.AccountUsage.FunctionCount).toBeGreaterThanOrEqual(1);

    expect(await lambdaCli(['put-function-concurrency', '--function-name', name, '--reserved-concurrent-executions', '7'])).toEqual({
      ReservedConcurrentExecutions: 7,
    });
    expect(await lambdaCli(['get-function-concurrency', '--function-name', name])).toEqual({ ReservedConcurrentExecutions: 7 });
    const after = await lambdaCli<{ AccountLimit: { UnreservedConcurrentExecutions: number } }>(['get-account-settings']);
    expect(after.AccountLimit.UnreservedConcurrentExecutions).toBe(settings.AccountLimit.UnreservedConcurrentExecutions - 7);

    const tooMuch = await runAwsCli(emulator.url, ['lambda', 'put-function-concurrency', '--function-name', name, '--reserved-concurrent-executions', '950']);
    expect(tooMuch.code).not.toBe(0);
    expect(tooMuch.stderr).toContain('InvalidParameterValueException');

    const deleted = await runAwsCli(emulator.url, ['lambda', 'delete-function-concurrency', '--function-name', name]);
    expect(deleted.code).toBe(0);
    // GetFunctionConcurrency answers {} when nothing is reserved; the CLI prints nothing for it.
    const none = await runAwsCli(emulator.url, ['lambda', 'get-function-concurrency', '--function-name', name]);
    expect(none.code).toBe(0);
    expect(none.stdout.trim()).toBe('');
  });

  test('provisioned concurrency configs', async () => {
    const name = await createFunction('cli-provisioned');
    await lambdaCli(['publish-version', '--function-name', name]);
    await lambdaCli(['create-alias', '--function-name', name, '--name', 'live', '--function-version', '1']);

    const put = await lambdaCli([
      'put-provisioned-concurrency-config', '--function-name', name, '--qualifier', 'live', '--provisioned-concurrent-executions', '1',
    ]);
    expect(put).toMatchObject({ RequestedProvisionedConcurrentExecutions: 1, Status: 'IN_PROGRESS' });

    let config = await lambdaCli(['get-provisioned-concurrency-config', '--function-name', name, '--qualifier', 'live']);
    for (let attempt = 0; config.Status !== 'READY' && attempt < 50; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      config = await lambdaCli(['get-provisioned-concurrency-config', '--function-name', name, '--qualifier', 'live']);
    }
    expect(config).toMatchObject({ Status: 'READY', AllocatedProvisionedConcurrentExecutions: 1 });

    const listed = await lambdaCli<{ ProvisionedConcurrencyConfigs: Array<{ FunctionArn: string }> }>([
      'list-provisioned-concurrency-configs', '--function-name', name,
    ]);
    expect(listed.ProvisionedConcurrencyConfigs.map((item) => item.FunctionArn)).toEqual([`${arnPrefix}${name}:live`]);

    const latest = await runAwsCli(emulator.url, [
      'lambda', 'put-provisioned-concurrency-config', '--function-name', name, '--qualifier', '$LATEST', '--provisioned-concurrent-executions', '1',
    ]);
    expect(latest.code).not.toBe(0);
    expect(latest.stderr).toContain('InvalidParameterValueException');

    const deleted = await runAwsCli(emulator.url, ['lambda', 'delete-provisioned-concurrency-config', '--function-name', name, '--qualifier', 'live']);
    expect(deleted.code).toBe(0);
    const gone = await runAwsCli(emulator.url, ['lambda', 'get-provisioned-concurrency-config', '--function-name', name, '--qualifier', 'live']);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('ProvisionedConcurrencyConfigNotFoundException');
  });

  test('event invoke configs', async () => {
    const name = await createFunction('cli-eic');
    const destination = 'arn:aws:sqs:us-east-1:000000000000:cli-failures';
    const put = await lambdaCli([
      'put-function-event-invoke-config',
      '--function-name', name,
      '--maximum-retry-attempts', '1',
      '--destination-config', JSON.stringify({ OnFailure: { Destination: destination } }),
    ]);
    expect(put).toMatchObject({ FunctionArn: `${arnPrefix}${name}:$LATEST`, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: destination } } });
    // The CLI parses the epoch-seconds timestamp and prints it as ISO 8601.
    expect(Number.isNaN(Date.parse(String(put.LastModified)))).toBe(false);

    const updated = await lambdaCli(['update-function-event-invoke-config', '--function-name', name, '--maximum-event-age-in-seconds', '120']);
    expect(updated).toMatchObject({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120 });
    expect(await lambdaCli(['get-function-event-invoke-config', '--function-name', name])).toMatchObject({ MaximumEventAgeInSeconds: 120 });
    const listed = await lambdaCli<{ FunctionEventInvokeConfigs: unknown[] }>(['list-function-event-invoke-configs', '--function-name', name]);
    expect(listed.FunctionEventInvokeConfigs).toHaveLength(1);

    const deleted = await runAwsCli(emulator.url, ['lambda', 'delete-function-event-invoke-config', '--function-name', name]);
    expect(deleted.code).toBe(0);
    const gone = await runAwsCli(emulator.url, ['lambda', 'get-function-event-invoke-config', '--function-name', name]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('ResourceNotFoundException');
  });
});
