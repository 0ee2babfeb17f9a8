import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export type ClientSource = {
  region: string;
  /** An endpoint override: our emulator, or any AWS-compatible endpoint. */
  endpoint?: string;
  /** Static credentials or a provider; absent means the SDK's default provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Ingestion uses 'adaptive': the SDK slows itself down when AWS throttles. */
  retryMode?: 'standard' | 'adaptive';
  maxAttempts?: number;
};

/** Every AWS SDK client Lambdascope uses, built one way for AWS and for the emulator alike. */
export function createClients(source: ClientSource) {
  const config = {
    region: source.region,
    ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    ...(source.credentials ? { credentials: source.credentials } : {}),
    ...(source.retryMode ? { retryMode: source.retryMode } : {}),
    ...(source.maxAttempts ? { maxAttempts: source.maxAttempts } : {}),
  };
  return {
    lambda: new LambdaClient(config),
    logs: new CloudWatchLogsClient(config),
    cloudwatch: new CloudWatchClient(config),
  };
}

/** Credentials the emulator accepts (it checks none); never real ones. */
export const emulatorCredentials = { accessKeyId: 'lambdascope', secretAccessKey: 'lambdascope' };
