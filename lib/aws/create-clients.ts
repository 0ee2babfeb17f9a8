import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';

export type ClientSource = {
  region: string;
  /** An endpoint override: our emulator, or any AWS-compatible endpoint. */
  endpoint?: string;
  /** Static credentials; absent means the SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
};

/** Every AWS SDK client Lambdascope uses, built one way for AWS and for the emulator alike. */
export function createClients(source: ClientSource) {
  const config = {
    region: source.region,
    ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    ...(source.credentials ? { credentials: source.credentials } : {}),
  };
  return {
    lambda: new LambdaClient(config),
    logs: new CloudWatchLogsClient(config),
    cloudwatch: new CloudWatchClient(config),
  };
}

/** Credentials the emulator accepts (it checks none); never real ones. */
export const emulatorCredentials = { accessKeyId: 'lambdascope', secretAccessKey: 'lambdascope' };
