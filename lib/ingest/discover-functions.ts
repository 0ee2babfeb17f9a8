import {
  GetFunctionConcurrencyCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionsCommand,
  ListProvisionedConcurrencyConfigsCommand,
  ListTagsCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { PrismaClient } from '../db/create-prisma-client';

export type DiscoveryResult = { functions: number; markedDeleted: number; newLogGroups: number };

/**
 * Lists every function of a source (all pages) with its configuration, records it, marks the ones
 * gone as deleted (their history stays), and starts ingest state for each new log group with its
 * checkpoint `backfillMs` in the past.
 */
export async function discoverFunctions(
  prisma: PrismaClient,
  options: { sourceId: number; lambda: LambdaClient; now: number; backfillMs: number },
): Promise<DiscoveryResult> {
  const configurations = await listAllFunctions(options.lambda);
  const seen = new Set<string>();
  for (const configuration of configurations) {
    const name = configuration.FunctionName;
    if (!name) continue;
    seen.add(name);
    // Each answer is optional: a role without the permission, or a function without the setting, leaves it unknown.
    const [reserved, provisioned, asyncConfig, tags] = await Promise.all([
      options.lambda
        .send(new GetFunctionConcurrencyCommand({ FunctionName: name }))
        .then((answer) => answer.ReservedConcurrentExecutions ?? null)
        .catch(() => null),
      options.lambda
        .send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: name }))
        .then((answer) => sumOrNull((answer.ProvisionedConcurrencyConfigs ?? []).map((config) => config.AllocatedProvisionedConcurrentExecutions ?? 0)))
        .catch(() => null),
      options.lambda
        .send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name }))
        .then((answer) => ({ maxRetryAttempts: answer.MaximumRetryAttempts ?? null, onFailureDestination: answer.DestinationConfig?.OnFailure?.Destination ?? null }))
        .catch(() => ({ maxRetryAttempts: null, onFailureDestination: null })),
      // Unknown tags (no lambda:ListTags permission) keep what was last read.
      options.lambda
        .send(new ListTagsCommand({ Resource: configuration.FunctionArn }))
        .then((answer) => answer.Tags ?? {})
        .catch(() => undefined),
    ]);
    const fields = {
      arn: configuration.FunctionArn ?? name,
      runtime: configuration.Runtime ?? null,
      memorySizeMB: configuration.MemorySize ?? 128,
      timeoutSeconds: configuration.Timeout ?? 3,
      architecture: configuration.Architectures?.[0] ?? 'x86_64',
      logFormat: configuration.LoggingConfig?.LogFormat ?? 'Text',
      logGroupName: logGroupOf(configuration),
      reservedConcurrency: reserved,
      provisionedConcurrency: provisioned,
      ...asyncConfig,
      deadLetterTarget: configuration.DeadLetterConfig?.TargetArn ?? null,
      deletedAt: null,
      ...(tags ? { tags } : {}),
    };
    await prisma.lambdaFunction.upsert({
      where: { sourceId_name: { sourceId: options.sourceId, name } },
      create: { sourceId: options.sourceId, name, ...fields },
      update: fields,
    });
  }
  const deleted = await prisma.lambdaFunction.updateMany({
    where: { sourceId: options.sourceId, deletedAt: null, name: { notIn: [...seen] } },
    data: { deletedAt: new Date(options.now) },
  });
  const groups = [...new Set(configurations.map(logGroupOf))];
  const start = BigInt(Math.max(0, options.now - options.backfillMs));
  const created = await prisma.logGroupState.createMany({
    data: groups.map((logGroupName) => ({ sourceId: options.sourceId, logGroupName, checkpointMs: start, backfillStartMs: start })),
    skipDuplicates: true,
  });
  return { functions: seen.size, markedDeleted: deleted.count, newLogGroups: created.count };
}

function logGroupOf(configuration: FunctionConfiguration): string {
  return configuration.LoggingConfig?.LogGroup ?? `/aws/lambda/${configuration.FunctionName ?? ''}`;
}

async function listAllFunctions(lambda: LambdaClient): Promise<FunctionConfiguration[]> {
  const all: FunctionConfiguration[] = [];
  let marker: string | undefined;
  do {
    const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 50, ...(marker ? { Marker: marker } : {}) }));
    all.push(...(page.Functions ?? []));
    marker = page.NextMarker;
  } while (marker);
  return all;
}

function sumOrNull(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
}
