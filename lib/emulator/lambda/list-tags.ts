import type { ListTagsCommandOutput } from '@aws-sdk/client-lambda';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { requireTaggableFunction } from './require-taggable-function';

/** ListTags: GET /2017-03-31/tags/{ARN} (`{ "Tags": {} }` when the function has none). */
export async function listTags(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const record = requireTaggableFunction(context, request.params.ARN);
  const body: Omit<ListTagsCommandOutput, '$metadata'> = { Tags: record.tags };
  return { status: 200, body };
}
