import path from 'node:path';
import type { EnvironmentSpec } from './execution-environment';

/** Variables AWS sets in every environment; a function may not override them (CreateFunction refuses). */
export const reservedVariableNames = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
] as const;

/**
 * The whole environment of a function's process, built from scratch: AWS's variables and the
 * function's own, never the emulator's (no DATABASE_URL, secrets or credentials of ours leak in).
 */
export function buildRuntimeVariables(options: {
  spec: EnvironmentSpec;
  runtimeApi: string;
  logStreamName: string;
}): Record<string, string> {
  const { spec } = options;
  const interpreterDir = path.dirname(process.execPath);
  const variables: Record<string, string> = {
    ...spec.variables,
    PATH: `${interpreterDir}:/usr/local/bin:/usr/bin:/bin:/opt/bin`,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: spec.codeDir,
    LAMBDA_RUNTIME_DIR: path.dirname(spec.codeDir),
    _HANDLER: spec.handler,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySizeMB),
    AWS_LAMBDA_FUNCTION_VERSION: spec.functionVersion,
    AWS_LAMBDA_INITIALIZATION_TYPE: spec.initializationType,
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: options.logStreamName,
    AWS_LAMBDA_RUNTIME_API: options.runtimeApi,
    // Placeholder execution-role credentials: never the emulator's own.
    AWS_ACCESS_KEY_ID: 'ASIAEMULATEDLAMBDA00',
    AWS_SECRET_ACCESS_KEY: 'emulated-secret-access-key',
    AWS_SESSION_TOKEN: 'emulated-session-token',
  };
  if (spec.logFormat === 'JSON') variables.AWS_LAMBDA_LOG_FORMAT = 'JSON';
  if (spec.runtime.startsWith('python')) variables.PYTHONUNBUFFERED = '1';
  return variables;
}
