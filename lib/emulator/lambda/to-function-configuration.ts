import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { EmulatorSettings } from '../emulator-settings';
import type { VersionConfig } from '../state/function-records';
import { runtimeVersion, runtimeVersionArn } from '../runtime/runtime-launchers';
import { functionArn } from './function-names';

/** A version's configuration as the Lambda API returns it. */
export function toFunctionConfiguration(settings: EmulatorSettings, config: VersionConfig): FunctionConfiguration {
  const qualifier = config.version === '$LATEST' ? undefined : config.version;
  return {
    FunctionName: config.functionName,
    FunctionArn: functionArn(settings, config.functionName, qualifier),
    Runtime: config.runtime,
    Role: config.role,
    Handler: config.handler,
    CodeSize: config.code.size,
    Description: config.description,
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: config.lastModified,
    CodeSha256: config.code.sha256,
    Version: config.version,
    Environment: { Variables: config.variables },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: config.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: [config.architecture],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: {
      RuntimeVersionArn: runtimeVersionArn(settings.region, runtimeVersion(config.runtime)),
    },
    LoggingConfig: {
      LogFormat: config.logFormat,
      LogGroup: config.logGroup,
      ...(config.applicationLogLevel ? { ApplicationLogLevel: config.applicationLogLevel } : {}),
      ...(config.systemLogLevel ? { SystemLogLevel: config.systemLogLevel } : {}),
    },
  };
}
