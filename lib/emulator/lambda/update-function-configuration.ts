import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration, UpdateFunctionConfigurationCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { invalidParameterValue } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { lambdaTimestamp, type VersionConfig } from '../state/function-records';
import type { LambdaContext } from './lambda-context';
import { requireRevisionId } from './require-revision-id';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toFunctionConfiguration } from './to-function-configuration';
import {
  configurationMembers,
  requireSupportedRuntime,
  requireValidLogGroup,
  requireValidVariables,
} from './version-config-schema';

// Runtime stays a plain string so an unsupported one gets the emulator's own message, not an enum error.
const updateFunctionConfigurationSchema = z.object({
  Role: configurationMembers.Role.optional(),
  Handler: configurationMembers.Handler.optional(),
  Description: configurationMembers.Description.optional(),
  Timeout: configurationMembers.Timeout.optional(),
  MemorySize: configurationMembers.MemorySize.optional(),
  Environment: configurationMembers.Environment.optional(),
  Runtime: configurationMembers.Runtime.optional(),
  LoggingConfig: configurationMembers.LoggingConfig.optional(),
  RevisionId: z.string().optional(),
}) satisfies z.ZodType<Partial<Omit<UpdateFunctionConfigurationCommandInput, 'Runtime'>>, unknown>;

type UpdateFunctionConfigurationInput = z.output<typeof updateFunctionConfigurationSchema>;

/**
 * UpdateFunctionConfiguration: PUT /2015-03-31/functions/{FunctionName}/configuration. Members left out
 * keep their value; only $LATEST changes.
 */
export async function updateFunctionConfiguration(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(updateFunctionConfigurationSchema, readJsonBody(request));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  requireRevisionId(input.RevisionId, record.latest.revisionId);
  const current = record.latest;
  const latest: VersionConfig = {
    ...current,
    ...withLogging(current, input),
    runtime: input.Runtime === undefined ? current.runtime : requireSupportedRuntime(input.Runtime),
    role: input.Role ?? current.role,
    handler: input.Handler ?? current.handler,
    description: input.Description ?? current.description,
    timeout: input.Timeout ?? current.timeout,
    memorySize: input.MemorySize ?? current.memorySize,
    // Environment replaces the whole set of variables, as on AWS.
    variables: input.Environment ? requireValidVariables(input.Environment.Variables ?? {}) : current.variables,
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
  };
  context.registry.put({ ...record, latest });
  // Warm environments were started with the old configuration.
  context.scheduler.retireFunction(record.name, { includeProvisioned: false });
  const body: FunctionConfiguration = toFunctionConfiguration(context.settings, latest);
  return { status: 200, body };
}

/** LoggingConfig members left out keep their value; log levels only exist with the JSON format. */
function withLogging(current: VersionConfig, input: UpdateFunctionConfigurationInput) {
  const logging = input.LoggingConfig;
  const logFormat = logging?.LogFormat ?? current.logFormat;
  const logGroup = logging?.LogGroup === undefined ? current.logGroup : requireValidLogGroup(logging.LogGroup, current.functionName);
  if (logFormat === 'Text') {
    if (logging?.ApplicationLogLevel || logging?.SystemLogLevel) {
      throw invalidParameterValue('Log levels can only be set when LogFormat is JSON.');
    }
    return { logFormat, logGroup, applicationLogLevel: undefined, systemLogLevel: undefined };
  }
  const applicationLogLevel = logging?.ApplicationLogLevel ?? current.applicationLogLevel;
  const systemLogLevel = logging?.SystemLogLevel ?? current.systemLogLevel;
  return {
    logFormat,
    logGroup,
    ...(applicationLogLevel ? { applicationLogLevel } : {}),
    ...(systemLogLevel ? { systemLogLevel } : {}),
  };
}
