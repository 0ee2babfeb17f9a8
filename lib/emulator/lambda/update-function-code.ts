import { randomUUID } from 'node:crypto';
import type { FunctionConfiguration, UpdateFunctionCodeCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { invalidParameterValue } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { lambdaTimestamp, type VersionConfig } from '../state/function-records';
import { decodeZipFile } from './decode-zip-file';
import type { LambdaContext } from './lambda-context';
import { publishVersionOf } from './publish-version';
import { requireRevisionId } from './require-revision-id';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toFunctionConfiguration } from './to-function-configuration';
import { configurationMembers } from './version-config-schema';

const updateFunctionCodeSchema = z.object({
  ZipFile: z.string().optional(),
  S3Bucket: z.string().optional(),
  S3Key: z.string().optional(),
  S3ObjectVersion: z.string().optional(),
  ImageUri: z.string().optional(),
  Publish: z.boolean().default(false),
  DryRun: z.boolean().default(false),
  RevisionId: z.string().optional(),
  Architectures: configurationMembers.Architectures.optional(),
}) satisfies z.ZodType<Partial<Omit<UpdateFunctionCodeCommandInput, 'ZipFile'>>, unknown>;

/** UpdateFunctionCode: PUT /2015-03-31/functions/{FunctionName}/code. Only $LATEST changes; versions are immutable. */
export async function updateFunctionCode(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(updateFunctionCodeSchema, readJsonBody(request));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  if (input.ImageUri) {
    throw invalidParameterValue('Container image functions are not supported by the Lambda emulator; upload a ZIP file.');
  }
  if (!input.ZipFile) {
    throw invalidParameterValue('ZipFile is required: the Lambda emulator has no S3; upload the ZIP directly.');
  }
  requireRevisionId(input.RevisionId, record.latest.revisionId);
  const latest: VersionConfig = {
    ...record.latest,
    code: context.code.save(decodeZipFile(input.ZipFile, 'UpdateFunctionCode')),
    architecture: input.Architectures?.[0] ?? record.latest.architecture,
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
  };
  if (input.DryRun) return { status: 200, body: toFunctionConfiguration(context.settings, latest) };

  const updated = { ...record, latest };
  context.registry.put(updated);
  // Warm environments still run the old code; the next invoke of $LATEST starts fresh.
  context.scheduler.retireFunction(record.name, { includeProvisioned: false });
  const shown = input.Publish ? publishVersionOf(context, updated, '') : latest;
  const body: FunctionConfiguration = toFunctionConfiguration(context.settings, shown);
  return { status: 200, body };
}
