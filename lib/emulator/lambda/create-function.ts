import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { AwsError, invalidParameterValue, resourceConflict } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { lambdaTimestamp, type FunctionRecord, type VersionConfig } from '../state/function-records';
import { functionNamePattern } from './function-names';
import type { LambdaContext } from './lambda-context';
import { publishVersionOf } from './publish-version';
import { decodeZipFile } from './decode-zip-file';
import { requireTagLimit, requireValidTags, tagsMember } from './tag-schema';
import { toFunctionConfiguration } from './to-function-configuration';
import {
  configurationMembers,
  requireSupportedRuntime,
  requireValidLogGroup,
  requireValidVariables,
} from './version-config-schema';

const createFunctionSchema = z.object({
  FunctionName: z
    .string()
    .regex(functionNamePattern, 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}'),
  Runtime: configurationMembers.Runtime,
  Role: configurationMembers.Role,
  Handler: configurationMembers.Handler,
  Code: z.object({
    ZipFile: z.string().optional(),
    S3Bucket: z.string().optional(),
    S3Key: z.string().optional(),
    ImageUri: z.string().optional(),
  }),
  Description: configurationMembers.Description.default(''),
  Timeout: configurationMembers.Timeout.default(3),
  MemorySize: configurationMembers.MemorySize.default(128),
  Publish: z.boolean().default(false),
  Environment: configurationMembers.Environment.optional(),
  LoggingConfig: configurationMembers.LoggingConfig.optional(),
  Architectures: configurationMembers.Architectures.optional(),
  PackageType: z.enum(['Zip', 'Image']).optional(),
  Tags: tagsMember.optional(),
});

/** CreateFunction: POST /2015-03-31/functions (201). */
export async function createFunction(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(createFunctionSchema, readJsonBody(request));
  if (input.PackageType === 'Image' || input.Code.ImageUri) {
    throw invalidParameterValue('Container image functions are not supported by the Lambda emulator; upload a ZIP file.');
  }
  if (!input.Code.ZipFile) {
    throw invalidParameterValue('Code.ZipFile is required: the Lambda emulator has no S3; upload the ZIP directly.');
  }
  const runtime = requireSupportedRuntime(input.Runtime);
  const variables = requireValidVariables(input.Environment?.Variables ?? {});
  const logGroup = requireValidLogGroup(input.LoggingConfig?.LogGroup, input.FunctionName);
  const tags = requireTagLimit(requireValidTags(input.Tags ?? {}));
  if (context.registry.find(input.FunctionName)) {
    throw resourceConflict(`Function already exist: ${input.FunctionName}`);
  }
  const code = context.code.save(decodeZipFile(input.Code.ZipFile, 'CreateFunction'));
  const latest: VersionConfig = {
    functionName: input.FunctionName,
    version: '$LATEST',
    runtime,
    role: input.Role,
    handler: input.Handler,
    description: input.Description,
    timeout: input.Timeout,
    memorySize: input.MemorySize,
    variables,
    architecture: input.Architectures?.[0] ?? 'x86_64',
    logFormat: input.LoggingConfig?.LogFormat ?? 'Text',
    logGroup,
    ...(input.LoggingConfig?.ApplicationLogLevel ? { applicationLogLevel: input.LoggingConfig.ApplicationLogLevel } : {}),
    ...(input.LoggingConfig?.SystemLogLevel ? { systemLogLevel: input.LoggingConfig.SystemLogLevel } : {}),
    code,
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
  };
  if (latest.logFormat === 'Text' && (latest.applicationLogLevel || latest.systemLogLevel)) {
    throw new AwsError('InvalidParameterValueException', 'Log levels can only be set when LogFormat is JSON.');
  }
  const record: FunctionRecord = {
    name: input.FunctionName,
    latest,
    versions: {},
    lastPublishedVersion: 0,
    aliases: {},
    reservedConcurrency: null,
    provisioned: {},
    eventInvokeConfigs: {},
    tags,
  };
  context.registry.put(record);
  let body: FunctionConfiguration = toFunctionConfiguration(context.settings, latest);
  if (input.Publish) body = toFunctionConfiguration(context.settings, publishVersionOf(context, record, ''));
  return { status: 201, body };
}
