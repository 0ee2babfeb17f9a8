import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { demoFunctions } from './demo-functions';

const DEMO_ROLE = 'arn:aws:iam::000000000000:role/lambdascope-demo';

/**
 * Deploys the demo fleet through the Lambda API (replacing any earlier copy), then gives demo-api
 * two versions and an alias `live` that sends 10 % of its traffic to version 2.
 */
export async function deployDemo(lambda: LambdaClient, options: { asyncRetryAgeSeconds?: number } = {}): Promise<void> {
  for (const demo of demoFunctions) {
    await lambda.send(new DeleteFunctionCommand({ FunctionName: demo.name })).catch(() => undefined);
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: demo.name,
        Runtime: demo.runtime,
        Handler: demo.handler,
        Role: DEMO_ROLE,
        Code: { ZipFile: zipSync(Object.fromEntries(Object.entries(demo.files).map(([file, text]) => [file, strToU8(text)]))) },
        MemorySize: demo.memorySize ?? 256,
        Timeout: demo.timeout ?? 3,
        Description: `Lambdascope demo: ${demo.name}`,
        LoggingConfig: { LogFormat: demo.logFormat ?? 'Text' },
      }),
    );
    if (demo.reservedConcurrency !== undefined) {
      await lambda.send(
        new PutFunctionConcurrencyCommand({ FunctionName: demo.name, ReservedConcurrentExecutions: demo.reservedConcurrency }),
      );
    }
    if (demo.onFailureDestination) {
      await lambda.send(
        new PutFunctionEventInvokeConfigCommand({
          FunctionName: demo.name,
          MaximumRetryAttempts: 2,
          ...(options.asyncRetryAgeSeconds ? { MaximumEventAgeInSeconds: options.asyncRetryAgeSeconds } : {}),
          DestinationConfig: { OnFailure: { Destination: demo.onFailureDestination } },
        }),
      );
    }
  }
  await lambda.send(new PublishVersionCommand({ FunctionName: 'demo-api', Description: 'first release' }));
  await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'demo-api', MemorySize: 512 }));
  await lambda.send(new PublishVersionCommand({ FunctionName: 'demo-api', Description: 'more memory' }));
  await lambda.send(
    new CreateAliasCommand({
      FunctionName: 'demo-api',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
    }),
  );
}
