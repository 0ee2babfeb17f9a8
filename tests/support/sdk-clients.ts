import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The genuine AWS SDK v3 clients, pointed at an emulator. */
export function sdkClients(endpoint: string) {
  const common = { endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  return {
    lambda: new LambdaClient(common),
    logs: new CloudWatchLogsClient(common),
    cloudwatch: new CloudWatchClient(common),
  };
}
