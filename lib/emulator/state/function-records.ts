import type { ApplicationLogLevel, SystemLogLevel } from '@aws-sdk/client-lambda';
import type { SupportedRuntime } from '../runtime/runtime-launchers';
import type { LogFormat } from '../runtime/platform-lines';

/** One published version's (or $LATEST's) configuration and code. Versions are immutable snapshots. */
export type VersionConfig = {
  functionName: string;
  version: string;
  runtime: SupportedRuntime;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  variables: Record<string, string>;
  architecture: 'x86_64' | 'arm64';
  logFormat: LogFormat;
  /** The resolved group: `/aws/lambda/<name>` unless LoggingConfig.LogGroup names another. */
  logGroup: string;
  applicationLogLevel?: ApplicationLogLevel;
  systemLogLevel?: SystemLogLevel;
  code: { id: string; sha256: string; size: number };
  lastModified: string;
  revisionId: string;
  /** For a published version: the $LATEST revision it froze (every update of $LATEST makes a new one). */
  publishedFromRevisionId?: string;
};

export type AliasRecord = {
  name: string;
  functionVersion: string;
  description: string;
  /** Extra version → weight (0–1): the share of traffic the alias sends there instead. */
  additionalVersionWeights: Record<string, number>;
  revisionId: string;
};

export type EventInvokeConfig = {
  maximumRetryAttempts: number;
  maximumEventAgeInSeconds: number;
  onFailureDestination?: string;
  onSuccessDestination?: string;
  /** Epoch milliseconds. */
  lastModified: number;
};

export type ProvisionedConcurrency = { requested: number; lastModified: string };

export type FunctionRecord = {
  name: string;
  latest: VersionConfig;
  versions: Record<string, VersionConfig>;
  lastPublishedVersion: number;
  aliases: Record<string, AliasRecord>;
  reservedConcurrency: number | null;
  /** Keyed by qualifier (version number or alias name). */
  provisioned: Record<string, ProvisionedConcurrency>;
  /** Keyed by qualifier; `$LATEST` when none was given. */
  eventInvokeConfigs: Record<string, EventInvokeConfig>;
  /** Tags belong to the function, never to a version or alias: publishing does not freeze them. */
  tags: Record<string, string>;
};

/** Lambda's timestamp format: `2024-01-31T12:00:00.000+0000`. */
export function lambdaTimestamp(date = new Date()): string {
  return date.toISOString().replace('Z', '+0000');
}
