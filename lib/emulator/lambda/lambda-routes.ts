import type { RestRoute } from '../protocol/rest-json-router';
import type { RestRequest } from '../protocol/rest-json-router';
import type { EmulatorResponse } from '../protocol/http-types';
import { createFunction } from './create-function';
import { deleteFunction } from './delete-function';
import { getFunction, getFunctionConfiguration } from './get-function';
import { invoke } from './invoke';
import type { LambdaContext } from './lambda-context';
import { listFunctions } from './list-functions';
import { publishVersion } from './publish-version';

type LambdaOperation = (context: LambdaContext, request: RestRequest) => Promise<EmulatorResponse>;

/** The Lambda API's operations by method and URI, as the SDK's model binds them. */
const operations: Array<[method: string, path: string, operation: LambdaOperation]> = [
  ['POST', '/2015-03-31/functions', createFunction],
  ['GET', '/2015-03-31/functions', listFunctions],
  ['GET', '/2015-03-31/functions/{FunctionName}', getFunction],
  ['DELETE', '/2015-03-31/functions/{FunctionName}', deleteFunction],
  ['GET', '/2015-03-31/functions/{FunctionName}/configuration', getFunctionConfiguration],
  ['POST', '/2015-03-31/functions/{FunctionName}/versions', publishVersion],
  ['POST', '/2015-03-31/functions/{FunctionName}/invocations', invoke],
];

export function lambdaRoutes(context: LambdaContext): RestRoute[] {
  return operations.map(([method, path, operation]) => ({ method, path, operation: (request) => operation(context, request) }));
}
