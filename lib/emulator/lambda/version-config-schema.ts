import { z } from 'zod';
import { AwsError, invalidParameterValue } from '../protocol/aws-error';
import { reservedVariableNames } from '../runtime/build-runtime-variables';
import { isSupportedRuntime, supportedRuntimes, type SupportedRuntime } from '../runtime/runtime-launchers';

/** The configuration members CreateFunction and UpdateFunctionConfiguration share, with AWS's bounds. */
export const configurationMembers = {
  Runtime: z.string().min(1),
  Role: z
    .string()
    .regex(/^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/, 'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'),
  Handler: z.string().max(128, 'Member must have length less than or equal to 128').regex(/^[^\s]+$/, 'Member must satisfy regular expression pattern: [^\\s]+'),
  Description: z.string().max(256, 'Member must have length less than or equal to 256'),
  Timeout: z
    .number()
    .int()
    .min(1, 'Member must have value greater than or equal to 1')
    .max(900, 'Member must have value less than or equal to 900'),
  MemorySize: z
    .number()
    .int()
    .min(128, 'Member must have value greater than or equal to 128')
    .max(10240, 'Member must have value less than or equal to 10240'),
  Environment: z.object({ Variables: z.record(z.string(), z.string()).optional() }),
  LoggingConfig: z.object({
    LogFormat: z.enum(['Text', 'JSON']).optional(),
    LogGroup: z.string().min(1).max(512).regex(/^[.\-_/#A-Za-z0-9]+$/, 'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+').optional(),
    ApplicationLogLevel: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']).optional(),
    SystemLogLevel: z.enum(['DEBUG', 'INFO', 'WARN']).optional(),
  }),
  Architectures: z.array(z.enum(['x86_64', 'arm64'])).length(1, 'Member must have length equal to 1'),
};

export function requireSupportedRuntime(runtime: string): SupportedRuntime {
  if (isSupportedRuntime(runtime)) return runtime;
  throw invalidParameterValue(
    `The runtime parameter of ${runtime} is not supported by the Lambda emulator. Supported runtimes: ${supportedRuntimes.join(', ')}.`,
  );
}

/** AWS's rules for Environment.Variables: no reserved keys, valid names, 4 KB in all. */
export function requireValidVariables(variables: Record<string, string>): Record<string, string> {
  const reserved = Object.keys(variables).filter((name) => (reservedVariableNames as readonly string[]).includes(name));
  if (reserved.length > 0) {
    throw invalidParameterValue(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const badName = Object.keys(variables).find((name) => !/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(name));
  if (badName !== undefined) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] (key: ${badName})`,
    );
  }
  const size = Buffer.byteLength(JSON.stringify(variables));
  if (size > 4096) {
    throw invalidParameterValue(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${size} bytes`,
    );
  }
  return variables;
}

export function requireValidLogGroup(logGroup: string | undefined, functionName: string): string {
  if (logGroup === undefined) return `/aws/lambda/${functionName}`;
  if (logGroup.startsWith('aws/')) {
    throw invalidParameterValue(`The LogGroup ${logGroup} is invalid: log group names cannot start with 'aws/'.`);
  }
  return logGroup;
}
