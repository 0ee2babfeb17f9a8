import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { requireUnqualifiedName } from './require-unqualified-name';

/** DeleteFunctionConcurrency: DELETE /2017-10-31/functions/{FunctionName}/concurrency (204). */
export async function deleteFunctionConcurrency(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  context.registry.put({ ...record, reservedConcurrency: null });
  return { status: 204 };
}
