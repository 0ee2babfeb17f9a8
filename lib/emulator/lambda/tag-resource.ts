import type { TagResourceCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { invalidParameterValue } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { requireTaggableFunction } from './require-taggable-function';
import { requireTagLimit, requireValidTags, tagsMember } from './tag-schema';

const tagResourceSchema = z.object({
  Tags: tagsMember,
}) satisfies z.ZodType<Partial<TagResourceCommandInput>, unknown>;

/** TagResource: POST /2017-03-31/tags/{ARN} (204). Adds tags and overwrites the values of keys it repeats. */
export async function tagResource(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(tagResourceSchema, readJsonBody(request));
  const record = requireTaggableFunction(context, request.params.ARN);
  if (Object.keys(input.Tags).length === 0) {
    // AWS's wording for an empty Tags map.
    throw invalidParameterValue('An error occurred and the request cannot be processed.');
  }
  const tags = requireTagLimit({ ...record.tags, ...requireValidTags(input.Tags) });
  context.registry.put({ ...record, tags });
  return { status: 204 };
}
