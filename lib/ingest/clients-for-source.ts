import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createClients, emulatorCredentials } from '../aws/create-clients';

export type SourceConnection = {
  kind: string;
  region: string;
  endpoint: string | null;
  profile: string | null;
  roleArn: string | null;
};

/**
 * SDK clients for a source. The emulator is just another endpoint; an AWS account is reached
 * through the default credential chain, a named profile, or a role assumed from either. Retries
 * are adaptive, so throttling slows ingestion down instead of failing it.
 */
export function clientsForSource(source: SourceConnection) {
  return createClients({
    region: source.region,
    ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    credentials: credentialsFor(source),
    retryMode: 'adaptive',
    maxAttempts: 8,
  });
}

function credentialsFor(source: SourceConnection) {
  if (source.kind === 'emulator') return emulatorCredentials;
  const base = source.profile ? fromIni({ profile: source.profile }) : fromNodeProviderChain();
  if (!source.roleArn) return base;
  return fromTemporaryCredentials({
    params: { RoleArn: source.roleArn, RoleSessionName: 'lambdascope' },
    masterCredentials: base,
    clientConfig: { region: source.region },
  });
}
