import { CreateFunctionCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { FilterLogEventsCommand, type CloudWatchLogsClient, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { functionZip, testRole } from './function-zip';

export type DeployOptions = {
  runtime?: string;
  handler?: string;
  memorySize?: number;
  timeout?: number;
  logFormat?: 'Text' | 'JSON';
  /** A custom log group (LoggingConfig.LogGroup), which several functions may share. */
  logGroup?: string;
  variables?: Record<string, string>;
  tags?: Record<string, string>;
};

/** Creates a function from source files through the real Lambda API. */
export async function deployFunction(
  lambda: LambdaClient,
  name: string,
  files: Record<string, string>,
  options: DeployOptions = {},
): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: (options.runtime ?? 'nodejs20.x') as never,
      Role: testRole,
      Handler: options.handler ?? 'index.handler',
      Code: { ZipFile: functionZip(files) },
      ...(options.memorySize ? { MemorySize: options.memorySize } : {}),
      ...(options.timeout ? { Timeout: options.timeout } : {}),
      ...(options.logFormat || options.logGroup
        ? { LoggingConfig: { ...(options.logFormat ? { LogFormat: options.logFormat } : {}), ...(options.logGroup ? { LogGroup: options.logGroup } : {}) } }
        : {}),
      ...(options.variables ? { Environment: { Variables: options.variables } } : {}),
      ...(options.tags ? { Tags: options.tags } : {}),
    }),
  );
}

export type SyncResult = { statusCode: number; functionError?: string; executedVersion?: string; body: unknown; log: string };

/** A RequestResponse invoke with `LogType: Tail`, its payload parsed and its log decoded. */
export async function invokeSync(lambda: LambdaClient, name: string, payload: unknown = {}, qualifier?: string): Promise<SyncResult> {
  const response = await lambda.send(
    new InvokeCommand({
      FunctionName: name,
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
      LogType: 'Tail',
      ...(qualifier ? { Qualifier: qualifier } : {}),
    }),
  );
  const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
  return {
    statusCode: response.StatusCode ?? 0,
    ...(response.FunctionError ? { functionError: response.FunctionError } : {}),
    ...(response.ExecutedVersion ? { executedVersion: response.ExecutedVersion } : {}),
    body: text ? (JSON.parse(text) as unknown) : null,
    log: Buffer.from(response.LogResult ?? '', 'base64').toString('utf8'),
  };
}

/** Every event of a function's log group (or of a group named by its full name), oldest first, all pages. */
export async function readLogEvents(logs: CloudWatchLogsClient, functionName: string): Promise<FilteredLogEvent[]> {
  return readGroupEvents(logs, `/aws/lambda/${functionName}`);
}

export async function readGroupEvents(logs: CloudWatchLogsClient, logGroupName: string): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({ logGroupName, ...(nextToken ? { nextToken } : {}) }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
