import type { GetFunctionConcurrencyCommandOutput } from '@aws-sdk/client-lambda';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { requireUnqualifiedName } from './require-unqualified-name';

/** GetFunctionConcurrency: GET /2019-09-30/functions/{FunctionName}/concurrency ({} when none is reserved). */
export async function getFunctionConcurrency(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const body: Omit<GetFunctionConcurrencyCommandOutput, '$metadata'> =
    record.reservedConcurrency === null ? {} : { ReservedConcurrentExecutions: record.reservedConcurrency };
  return { status: 200, body };
}
