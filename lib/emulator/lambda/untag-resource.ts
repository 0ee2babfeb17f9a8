import type { UntagResourceCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { requireTaggableFunction } from './require-taggable-function';

const untagResourceSchema = z.object({
  TagKeys: z.array(z.string(), { error: 'Member must not be null' }),
}) satisfies z.ZodType<Partial<UntagResourceCommandInput>, unknown>;

/** UntagResource: DELETE /2017-03-31/tags/{ARN}?tagKeys=a&tagKeys=b (204). Keys the function lacks are ignored. */
export async function untagResource(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const keys = request.query.getAll('tagKeys');
  // No `tagKeys` at all is a missing member, as AWS reports it ("Value null at 'tagKeys'").
  const input = validateInput(untagResourceSchema, { TagKeys: keys.length > 0 ? keys : undefined });
  const record = requireTaggableFunction(context, request.params.ARN);
  const tags = Object.fromEntries(Object.entries(record.tags).filter(([key]) => !input.TagKeys.includes(key)));
  context.registry.put({ ...record, tags });
  return { status: 204 };
}
