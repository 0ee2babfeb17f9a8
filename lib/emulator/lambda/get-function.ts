import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { combineQualifier, parseFunctionReference, resolveQualifier } from './function-names';
import type { LambdaContext } from './lambda-context';
import { toFunctionConfiguration } from './to-function-configuration';

/** GetFunction: GET /2015-03-31/functions/{FunctionName}?Qualifier= */
export async function getFunction(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { record, config } = findQualified(context, request);
  return {
    status: 200,
    body: {
      Configuration: toFunctionConfiguration(context.settings, config),
      // No S3 here: the code's location is not served.
      Code: { RepositoryType: 'S3' },
      // Tags are the function's, whichever version was asked for; AWS leaves the member out when there are none.
      ...(Object.keys(record.tags).length === 0 ? {} : { Tags: record.tags }),
      ...(record.reservedConcurrency === null ? {} : { Concurrency: { ReservedConcurrentExecutions: record.reservedConcurrency } }),
    },
  };
}

/** GetFunctionConfiguration: GET /2015-03-31/functions/{FunctionName}/configuration?Qualifier= */
export async function getFunctionConfiguration(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  return { status: 200, body: toFunctionConfiguration(context.settings, findQualified(context, request).config) };
}

/** The function and version a request names through its path and `Qualifier`. */
export function findQualified(context: LambdaContext, request: RestRequest) {
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  const qualifier = combineQualifier(reference, request.query.get('Qualifier'));
  const record = context.registry.get(reference.name);
  return { record, qualifier, ...resolveQualifier(context.settings, record, qualifier) };
}
