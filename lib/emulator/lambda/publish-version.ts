import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AwsError } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { lambdaTimestamp, type FunctionRecord, type VersionConfig } from '../state/function-records';
import { parseFunctionReference } from './function-names';
import type { LambdaContext } from './lambda-context';
import { requireRevisionId } from './require-revision-id';
import { toFunctionConfiguration } from './to-function-configuration';

const publishVersionSchema = z.object({
  CodeSha256: z.string().optional(),
  Description: z.string().max(256, 'Member must have length less than or equal to 256').optional(),
  RevisionId: z.string().optional(),
});

/** PublishVersion: POST /2015-03-31/functions/{FunctionName}/versions (201). */
export async function publishVersion(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(publishVersionSchema, readJsonBody(request));
  const record = context.registry.get(parseFunctionReference(request.params.FunctionName ?? '').name);
  if (input.CodeSha256 && input.CodeSha256 !== record.latest.code.sha256) {
    throw new AwsError('InvalidParameterValueException', 'CodeSHA256 does not match the code of $LATEST.');
  }
  requireRevisionId(input.RevisionId, record.latest.revisionId);
  const published = publishVersionOf(context, record, input.Description);
  return { status: 201, body: toFunctionConfiguration(context.settings, published) };
}

/**
 * Freezes $LATEST as the next version number. As on AWS, publishing when neither code nor
 * configuration changed since the newest version returns that version instead of a new one.
 */
export function publishVersionOf(context: LambdaContext, record: FunctionRecord, description: string | undefined): VersionConfig {
  const newest = record.versions[String(record.lastPublishedVersion)];
  if (newest && newest.publishedFromRevisionId === record.latest.revisionId) return newest;
  const version = String(record.lastPublishedVersion + 1);
  const published: VersionConfig = {
    ...record.latest,
    version,
    description: description || record.latest.description,
    lastModified: lambdaTimestamp(),
    revisionId: randomUUID(),
    publishedFromRevisionId: record.latest.revisionId,
  };
  context.registry.put({
    ...record,
    versions: { ...record.versions, [version]: published },
    lastPublishedVersion: record.lastPublishedVersion + 1,
  });
  return published;
}
