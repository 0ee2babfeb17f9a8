import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  DeleteFunctionEventInvokeConfigCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetAccountSettingsCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvokeCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionEventInvokeConfigsCommand,
  ListFunctionsCommand,
  ListProvisionedConcurrencyConfigsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/start-emulator';
import { functionZip, testRole, uniqueName } from '@/tests/support/function-zip';
import { sdkClients } from '@/tests/support/sdk-clients';

const arnPrefix = 'arn:aws:lambda:us-east-1:000000000000:function:';

/** A handler that says which code (`marker`) and which version ran. */
const handlerCode = (marker: string) =>
  functionZip({
    'index.mjs': `export const handler = async () => ({ marker: ${JSON.stringify(marker)}, version: process.env.AWS_LAMBDA_FUNCTION_VERSION });`,
  });

let emulator: RunningEmulator;
let lambda: LambdaClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  lambda = sdkClients(emulator.url).lambda;
});

afterAll(async () => {
  await emulator?.close();
});

async function createFunction(client: LambdaClient, prefix: string, marker = 'v1'): Promise<string> {
  const name = uniqueName(prefix);
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: testRole,
      Handler: 'index.handler',
      Code: { ZipFile: handlerCode(marker) },
    }),
  );
  return name;
}

async function invokeJson(client: LambdaClient, name: string, qualifier?: string) {
  const result = await client.send(new InvokeCommand({ FunctionName: name, Qualifier: qualifier, LogType: 'Tail' }));
  return {
    executedVersion: result.ExecutedVersion,
    payload: JSON.parse(Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8')) as { marker: string; version: string },
    log: Buffer.from(result.LogResult ?? '', 'base64').toString('utf8'),
  };
}

describe('functions and versions', () => {
  test('CreateFunction, GetFunction, GetFunctionConfiguration and DeleteFunction', async () => {
    const name = await createFunction(lambda, 'sdk-crud');
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
    expect(fn.Configuration).toMatchObject({ FunctionName: name, FunctionArn: arnPrefix + name, Version: '$LATEST', Timeout: 3, MemorySize: 128 });
    const configuration = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: `${arnPrefix}${name}` }));
    expect(configuration.RevisionId).toBe(fn.Configuration?.RevisionId);

    await expect(lambda.send(new CreateFunctionCommand({
      FunctionName: name, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile: handlerCode('x') },
    }))).rejects.toMatchObject({ name: 'ResourceConflictException' });

    await lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: name }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${arnPrefix}${name}`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  test('invalid names, MemorySize and Timeout are ValidationExceptions naming the field', async () => {
    const base = { Runtime: 'nodejs20.x' as const, Role: testRole, Handler: 'index.handler', Code: { ZipFile: handlerCode('x') } };
    await expect(lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'bad name!' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'functionName'"),
    });
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'bad!name' }))).rejects.toMatchObject({ name: 'ValidationException' });
    const name = uniqueName('sdk-validation');
    await expect(lambda.send(new CreateFunctionCommand({ ...base, FunctionName: name, MemorySize: 100 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("Value '100' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"),
    });
    await expect(lambda.send(new CreateFunctionCommand({ ...base, FunctionName: name, Timeout: 901 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'timeout'"),
    });
  });

  test('ListFunctions pages through more than 50 functions', async () => {
    const own = await startEmulator({ port: 0 });
    try {
      const client = sdkClients(own.url).lambda;
      const created: string[] = [];
      for (let index = 0; index < 55; index += 1) created.push(await createFunction(client, `sdk-page-${index}`));
      const first = await client.send(new ListFunctionsCommand({}));
      expect(first.Functions).toHaveLength(50);
      expect(first.NextMarker).toBeTruthy();
      const second = await client.send(new ListFunctionsCommand({ Marker: first.NextMarker }));
      expect(second.Functions).toHaveLength(5);
      expect(second.NextMarker).toBeUndefined();
      const listed = [...(first.Functions ?? []), ...(second.Functions ?? [])].map((fn) => fn.FunctionName);
      expect(new Set(listed)).toEqual(new Set(created));
      const small = await client.send(new ListFunctionsCommand({ MaxItems: 7 }));
      expect(small.Functions).toHaveLength(7);
    } finally {
      await own.close();
    }
  });

  test('PublishVersion freezes $LATEST; ListVersionsByFunction pages $LATEST then versions', async () => {
    const name = await createFunction(lambda, 'sdk-versions');
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: name, Description: 'first' }));
    expect(v1).toMatchObject({ Version: '1', FunctionArn: `${arnPrefix}${name}:1`, Description: 'first' });
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 5 }));
    const v2 = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    expect(v2.Version).toBe('2');

    const all = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    expect(all.Versions?.map((version) => version.Version)).toEqual(['$LATEST', '1', '2']);
    const first = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, MaxItems: 2 }));
    expect(first.Versions?.map((version) => version.Version)).toEqual(['$LATEST', '1']);
    const rest = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, Marker: first.NextMarker }));
    expect(rest.Versions?.map((version) => version.Version)).toEqual(['2']);
    expect(rest.NextMarker).toBeUndefined();

    await expect(lambda.send(new ListVersionsByFunctionCommand({ FunctionName: uniqueName('sdk-missing') }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('updating $LATEST', () => {
  test('UpdateFunctionCode replaces the code of $LATEST only, and can publish', async () => {
    const name = await createFunction(lambda, 'sdk-code', 'old');
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    expect((await invokeJson(lambda, name)).payload.marker).toBe('old');

    const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: handlerCode('new') }));
    expect(updated.Version).toBe('$LATEST');
    expect(updated.CodeSha256).not.toBe(v1.CodeSha256);
    expect(updated.RevisionId).not.toBe(v1.RevisionId);
    // The warm environment of the old code is retired: the next invoke runs the new code.
    expect((await invokeJson(lambda, name)).payload.marker).toBe('new');
    expect((await invokeJson(lambda, name, '1')).payload.marker).toBe('old');

    const published = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: handlerCode('newer'), Publish: true }));
    expect(published).toMatchObject({ Version: '2', FunctionArn: `${arnPrefix}${name}:2` });
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: '1' }))).CodeSha256).toBe(v1.CodeSha256);
  });

  test('UpdateFunctionCode refuses a stale RevisionId, a qualifier and S3 code', async () => {
    const name = await createFunction(lambda, 'sdk-code-errors');
    await expect(
      lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: handlerCode('x'), RevisionId: 'stale' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailedException', $metadata: { httpStatusCode: 412 } });
    await expect(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: `${name}:1`, ZipFile: handlerCode('x') }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, S3Bucket: 'b', S3Key: 'k.zip' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('ZipFile'),
    });
  });

  test('UpdateFunctionConfiguration changes $LATEST, keeps versions immutable and checks RevisionId', async () => {
    const name = await createFunction(lambda, 'sdk-config');
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    const before = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    const after = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: name,
        RevisionId: before.RevisionId,
        Timeout: 30,
        MemorySize: 512,
        Description: 'updated',
        Environment: { Variables: { STAGE: 'test' } },
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG' },
      }),
    );
    expect(after).toMatchObject({
      Timeout: 30,
      MemorySize: 512,
      Description: 'updated',
      Environment: { Variables: { STAGE: 'test' } },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', LogGroup: `/aws/lambda/${name}` },
      Handler: 'index.handler',
    });
    expect(after.RevisionId).not.toBe(before.RevisionId);
    const version: FunctionConfiguration = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: '1' }));
    expect(version).toMatchObject({ Timeout: 3, MemorySize: 128, RevisionId: v1.RevisionId });

    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, RevisionId: before.RevisionId, Timeout: 4 })),
    ).rejects.toMatchObject({ name: 'PreconditionFailedException' });
    await expect(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, MemorySize: 100 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'memorySize'"),
    });
    await expect(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 901 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'timeout'"),
    });
    await expect(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: `${name}:1`, Timeout: 4 }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });
});

describe('aliases', () => {
  test('CreateAlias, GetAlias, ListAliases, UpdateAlias and DeleteAlias', async () => {
    const name = await createFunction(lambda, 'sdk-alias');
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: handlerCode('two'), Publish: true }));

    const created = await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1', Description: 'prod' }));
    expect(created).toMatchObject({ AliasArn: `${arnPrefix}${name}:live`, Name: 'live', FunctionVersion: '1', Description: 'prod' });
    expect(created.RoutingConfig).toBeUndefined();
    expect(created.$metadata.httpStatusCode).toBe(201);
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'dev', FunctionVersion: '$LATEST' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'beta', FunctionVersion: '2' }));

    expect(await lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }))).toMatchObject({ RevisionId: created.RevisionId });
    const listed = await lambda.send(new ListAliasesCommand({ FunctionName: name }));
    expect(listed.Aliases?.map((alias) => alias.Name)).toEqual(['beta', 'dev', 'live']);
    const byVersion = await lambda.send(new ListAliasesCommand({ FunctionName: name, FunctionVersion: '1' }));
    expect(byVersion.Aliases?.map((alias) => alias.Name)).toEqual(['live']);
    const firstPage = await lambda.send(new ListAliasesCommand({ FunctionName: name, MaxItems: 2 }));
    const secondPage = await lambda.send(new ListAliasesCommand({ FunctionName: name, Marker: firstPage.NextMarker }));
    expect([...(firstPage.Aliases ?? []), ...(secondPage.Aliases ?? [])].map((alias) => alias.Name)).toEqual(['beta', 'dev', 'live']);

    // Invoking through the alias runs its version (a cold start: nothing was provisioned).
    const invoked = await invokeJson(lambda, name, 'live');
    expect(invoked.executedVersion).toBe('1');
    expect(invoked.payload.version).toBe('1');
    expect(invoked.log).toContain('Init Duration');

    const shifted = await lambda.send(
      new UpdateAliasCommand({
        FunctionName: name,
        Name: 'live',
        RevisionId: created.RevisionId,
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } },
      }),
    );
    expect(shifted).toMatchObject({ FunctionVersion: '1', Description: 'prod', RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } } });
    expect(shifted.RevisionId).not.toBe(created.RevisionId);
    await expect(
      lambda.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', RevisionId: created.RevisionId, Description: 'x' })),
    ).rejects.toMatchObject({ name: 'PreconditionFailedException' });
    const moved = await lambda.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '2', RoutingConfig: {} }));
    expect(moved.FunctionVersion).toBe('2');
    expect(moved.RoutingConfig).toBeUndefined();

    await lambda.send(new DeleteAliasCommand({ FunctionName: name, Name: 'beta' }));
    await expect(lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'beta' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Cannot find alias arn: ${arnPrefix}${name}:beta`,
    });
  });

  test('alias errors: duplicate, missing version, bad name and routing rules', async () => {
    const name = await createFunction(lambda, 'sdk-alias-errors');
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 9 }));
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 10 }));
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));

    await expect(lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }))).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `Alias already exists: ${arnPrefix}${name}:live`,
      $metadata: { httpStatusCode: 409 },
    });
    await expect(lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'future', FunctionVersion: '9' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${arnPrefix}${name}:9`,
    });
    await expect(lambda.send(new CreateAliasCommand({ FunctionName: name, Name: '123', FunctionVersion: '1' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'name'"),
    });
    const routed = (weights: Record<string, number>, FunctionVersion = '1') =>
      lambda.send(new CreateAliasCommand({ FunctionName: name, Name: uniqueName('r'), FunctionVersion, RoutingConfig: { AdditionalVersionWeights: weights } }));
    await expect(routed({ '2': 0.1, '3': 0.1 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Number of items in AdditionalVersionWeights cannot be greater than 1',
    });
    await expect(routed({ '1': 0.1 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Invalid function version 1. Function version 1 is already included in routing configuration.',
    });
    await expect(routed({ '2': 0.1 }, '$LATEST')).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST is not supported for an alias pointing to more than 1 version',
    });
    await expect(routed({ '2': 1.5 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'routingConfig.additionalVersionWeights"),
    });
    await expect(routed({ '7': 0.5 })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await routed({ '3': 0.5 })).RoutingConfig).toEqual({ AdditionalVersionWeights: { '3': 0.5 } });

    await expect(lambda.send(new UpdateAliasCommand({ FunctionName: name, Name: 'nope', FunctionVersion: '1' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('concurrency', () => {
  test('GetAccountSettings and reserved concurrency keep the unreserved minimum', async () => {
    // Its own account, so the totals are exact: a limit of 200 keeps min(100, 10 %) = 20 unreserved.
    const own = await startEmulator({ port: 0, accountConcurrencyLimit: 200 });
    try {
      const client = sdkClients(own.url).lambda;
      const first = await createFunction(client, 'sdk-account');
      const second = await createFunction(client, 'sdk-account', 'other code');
      await client.send(new PublishVersionCommand({ FunctionName: first }));

      const settings = await client.send(new GetAccountSettingsCommand({}));
      const zipSizes = [handlerCode('v1').length, handlerCode('other code').length];
      expect(settings.AccountLimit).toEqual({
        TotalCodeSize: 80_530_636_800,
        CodeSizeUnzipped: 262_144_000,
        CodeSizeZipped: 52_428_800,
        ConcurrentExecutions: 200,
        UnreservedConcurrentExecutions: 200,
      });
      // Version 1 shares $LATEST's package, which counts once.
      expect(settings.AccountUsage).toEqual({ TotalCodeSize: zipSizes[0]! + zipSizes[1]!, FunctionCount: 2 });

      expect(await client.send(new GetFunctionConcurrencyCommand({ FunctionName: first }))).not.toHaveProperty('ReservedConcurrentExecutions');
      const put = await client.send(new PutFunctionConcurrencyCommand({ FunctionName: first, ReservedConcurrentExecutions: 150 }));
      expect(put.ReservedConcurrentExecutions).toBe(150);
      expect((await client.send(new GetFunctionConcurrencyCommand({ FunctionName: first }))).ReservedConcurrentExecutions).toBe(150);
      expect((await client.send(new GetFunctionCommand({ FunctionName: first }))).Concurrency).toEqual({ ReservedConcurrentExecutions: 150 });
      expect((await client.send(new GetAccountSettingsCommand({}))).AccountLimit?.UnreservedConcurrentExecutions).toBe(50);

      await expect(client.send(new PutFunctionConcurrencyCommand({ FunctionName: second, ReservedConcurrentExecutions: 31 }))).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [20].",
      });
      await client.send(new PutFunctionConcurrencyCommand({ FunctionName: second, ReservedConcurrentExecutions: 30 }));
      // Changing a reservation replaces it rather than adding to it.
      await client.send(new PutFunctionConcurrencyCommand({ FunctionName: first, ReservedConcurrentExecutions: 150 }));
      await expect(client.send(new PutFunctionConcurrencyCommand({ FunctionName: first, ReservedConcurrentExecutions: -1 }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining("at 'reservedConcurrentExecutions'"),
      });

      await client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: first }));
      expect(await client.send(new GetFunctionConcurrencyCommand({ FunctionName: first }))).not.toHaveProperty('ReservedConcurrentExecutions');
      expect((await client.send(new GetAccountSettingsCommand({}))).AccountLimit?.UnreservedConcurrentExecutions).toBe(170);
    } finally {
      await own.close();
    }
  });

  test('provisioned concurrency: Put (202), READY, warm invokes through the alias, List, Delete', async () => {
    const name = await createFunction(lambda, 'sdk-provisioned');
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));

    await expect(lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }))).rejects.toMatchObject({
      name: 'ProvisionedConcurrencyConfigNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: '$LATEST', ProvisionedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.',
    });
    await expect(
      lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'nope', ProvisionedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    const put = await lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live', ProvisionedConcurrentExecutions: 2 }));
    expect(put).toMatchObject({ RequestedProvisionedConcurrentExecutions: 2, Status: 'IN_PROGRESS', $metadata: { httpStatusCode: 202 } });
    await expect(
      lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: '1', ProvisionedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({ name: 'ResourceConflictException' });

    let config = await lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
    for (let attempt = 0; config.Status !== 'READY' && attempt < 100; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      config = await lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
    }
    expect(config).toMatchObject({
      Status: 'READY',
      RequestedProvisionedConcurrentExecutions: 2,
      AllocatedProvisionedConcurrentExecutions: 2,
      AvailableProvisionedConcurrentExecutions: 2,
      LastModified: put.LastModified,
    });

    // A provisioned environment was initialised ahead: the invoke reports no Init Duration.
    const warm = await invokeJson(lambda, name, 'live');
    expect(warm.executedVersion).toBe('1');
    expect(warm.log).toMatch(/REPORT RequestId: \S+\tDuration: /);
    expect(warm.log).not.toContain('Init Duration');

    const listed = await lambda.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: name }));
    expect(listed.ProvisionedConcurrencyConfigs).toEqual([
      expect.objectContaining({ FunctionArn: `${arnPrefix}${name}:live`, RequestedProvisionedConcurrentExecutions: 2, Status: 'READY' }),
    ]);

    await lambda.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
    await expect(lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }))).rejects.toMatchObject({
      name: 'ProvisionedConcurrencyConfigNotFoundException',
    });
    expect((await lambda.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: name }))).ProvisionedConcurrencyConfigs).toEqual([]);
  });
});

describe('event invoke configs', () => {
  test('Put, Get, Update (merge), List and Delete, keyed by qualifier', async () => {
    const name = await createFunction(lambda, 'sdk-eic');
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    const onFailure = 'arn:aws:sqs:us-east-1:000000000000:failed-events';
    const onSuccess = 'arn:aws:sns:us-east-1:000000000000:done';

    await expect(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `The function ${arnPrefix}${name}:$LATEST doesn't have an EventInvokeConfig`,
    });

    const before = Date.now();
    const put = await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: name,
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 300,
        DestinationConfig: { OnFailure: { Destination: onFailure } },
      }),
    );
    expect(put).toMatchObject({
      FunctionArn: `${arnPrefix}${name}:$LATEST`,
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 300,
      DestinationConfig: { OnFailure: { Destination: onFailure } },
    });
    expect(put.LastModified).toBeInstanceOf(Date);
    expect(Math.abs((put.LastModified?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    expect(await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }))).toMatchObject({ MaximumRetryAttempts: 1 });

    const updated = await lambda.send(
      new UpdateFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: onSuccess } } }),
    );
    expect(updated).toMatchObject({
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 300,
      DestinationConfig: { OnSuccess: { Destination: onSuccess }, OnFailure: { Destination: onFailure } },
    });

    // Put replaces the whole config: what it leaves out goes back to AWS's defaults.
    const versioned = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, Qualifier: '1', MaximumEventAgeInSeconds: 60 }));
    expect(versioned).toMatchObject({ FunctionArn: `${arnPrefix}${name}:1`, MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 2 });

    const listed = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: name }));
    expect(listed.FunctionEventInvokeConfigs?.map((config) => config.FunctionArn)).toEqual([`${arnPrefix}${name}:$LATEST`, `${arnPrefix}${name}:1`]);

    await lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: name, Qualifier: '1' }));
    await expect(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: `${name}:1` }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect((await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: name }))).FunctionEventInvokeConfigs).toHaveLength(1);
  });

  test('event invoke config errors', async () => {
    const name = await createFunction(lambda, 'sdk-eic-errors');
    await expect(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 3 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'maximumRetryAttempts'"),
    });
    await expect(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumEventAgeInSeconds: 59 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'maximumEventAgeInSeconds'"),
    });
    await expect(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 1 }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(
      lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, Qualifier: '5', MaximumRetryAttempts: 1 })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      lambda.send(
        new PutFunctionEventInvokeConfigCommand({ FunctionName: name, DestinationConfig: { OnFailure: { Destination: `${arnPrefix}${name}` } } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: "You can't specify the function as a destination for itself." });
  });
});

test('functions, versions, aliases and settings survive a restart on the same data directory', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lambdascope-control-'));
  try {
    const first = await startEmulator({ port: 0, dataDir });
    const client = sdkClients(first.url).lambda;
    const name = await createFunction(client, 'sdk-persist', 'persisted');
    const version = await client.send(new PublishVersionCommand({ FunctionName: name }));
    const alias = await client.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 5 }));
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 0 }));
    await first.close();

    const second = await startEmulator({ port: 0, dataDir });
    try {
      const reopened = sdkClients(second.url).lambda;
      expect((await reopened.send(new GetFunctionCommand({ FunctionName: name }))).Configuration?.FunctionName).toBe(name);
      const versions = await reopened.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
      expect(versions.Versions?.map((config) => [config.Version, config.RevisionId])).toEqual([
        ['$LATEST', expect.any(String)],
        ['1', version.RevisionId],
      ]);
      expect(await reopened.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }))).toMatchObject({
        FunctionVersion: '1',
        RevisionId: alias.RevisionId,
      });
      expect((await reopened.send(new GetFunctionConcurrencyCommand({ FunctionName: name }))).ReservedConcurrentExecutions).toBe(5);
      expect((await reopened.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }))).MaximumRetryAttempts).toBe(0);
      expect((await invokeJson(reopened, name, 'live')).payload).toEqual({ marker: 'persisted', version: '1' });
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('provisioned concurrency is initialised again after a restart', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lambdascope-provisioned-'));
  try {
    const first = await startEmulator({ port: 0, dataDir });
    const name = await createFunction(sdkClients(first.url).lambda, 'sdk-provisioned-restart', 'kept warm');
    await sdkClients(first.url).lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await sdkClients(first.url).lambda.send(
      new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: '1', ProvisionedConcurrentExecutions: 1 }),
    );
    await first.close();

    const second = await startEmulator({ port: 0, dataDir });
    try {
      const client = sdkClients(second.url).lambda;
      let status: string | undefined;
      for (let attempt = 0; status !== 'READY' && attempt < 100; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: '1' }))).Status;
      }
      expect(status).toBe('READY');
      expect((await invokeJson(client, name, '1')).log).not.toContain('Init Duration');
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
