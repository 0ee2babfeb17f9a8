import type { RestRoute } from '../protocol/rest-json-router';
import type { RestRequest } from '../protocol/rest-json-router';
import type { EmulatorResponse } from '../protocol/http-types';
import { createAlias } from './create-alias';
import { createFunction } from './create-function';
import { deleteAlias } from './delete-alias';
import { deleteFunction } from './delete-function';
import { deleteFunctionConcurrency } from './delete-function-concurrency';
import { deleteFunctionEventInvokeConfig } from './delete-function-event-invoke-config';
import { deleteProvisionedConcurrencyConfig } from './delete-provisioned-concurrency-config';
import { getAccountSettings } from './get-account-settings';
import { getAlias } from './get-alias';
import { getFunction, getFunctionConfiguration } from './get-function';
import { getFunctionConcurrency } from './get-function-concurrency';
import { getFunctionEventInvokeConfig } from './get-function-event-invoke-config';
import { getProvisionedConcurrencyConfig } from './get-provisioned-concurrency-config';
import { invoke } from './invoke';
import type { LambdaContext } from './lambda-context';
import { listAliases } from './list-aliases';
import { listFunctionEventInvokeConfigs } from './list-function-event-invoke-configs';
import { listFunctions } from './list-functions';
import { listProvisionedConcurrencyConfigs } from './list-provisioned-concurrency-configs';
import { listTags } from './list-tags';
import { listVersionsByFunction } from './list-versions-by-function';
import { publishVersion } from './publish-version';
import { putFunctionConcurrency } from './put-function-concurrency';
import { putFunctionEventInvokeConfig } from './put-function-event-invoke-config';
import { putProvisionedConcurrencyConfig } from './put-provisioned-concurrency-config';
import { tagResource } from './tag-resource';
import { untagResource } from './untag-resource';
import { updateAlias } from './update-alias';
import { updateFunctionCode } from './update-function-code';
import { updateFunctionConfiguration } from './update-function-configuration';
import { updateFunctionEventInvokeConfig } from './update-function-event-invoke-config';

type LambdaOperation = (context: LambdaContext, request: RestRequest) => Promise<EmulatorResponse>;

/** Get and List of provisioned concurrency share a URI; the model tells them apart by `?List=ALL`. */
const getOrListProvisionedConcurrency: LambdaOperation = (context, request) =>
  request.query.has('List')
    ? listProvisionedConcurrencyConfigs(context, request)
    : getProvisionedConcurrencyConfig(context, request);

/** The Lambda API's operations by method and URI, as the SDK's model binds them. */
const operations: Array<[method: string, path: string, operation: LambdaOperation]> = [
  ['POST', '/2015-03-31/functions', createFunction],
  ['GET', '/2015-03-31/functions', listFunctions],
  ['GET', '/2015-03-31/functions/{FunctionName}', getFunction],
  ['DELETE', '/2015-03-31/functions/{FunctionName}', deleteFunction],
  ['GET', '/2015-03-31/functions/{FunctionName}/configuration', getFunctionConfiguration],
  ['PUT', '/2015-03-31/functions/{FunctionName}/configuration', updateFunctionConfiguration],
  ['PUT', '/2015-03-31/functions/{FunctionName}/code', updateFunctionCode],
  ['POST', '/2015-03-31/functions/{FunctionName}/versions', publishVersion],
  ['GET', '/2015-03-31/functions/{FunctionName}/versions', listVersionsByFunction],
  ['POST', '/2015-03-31/functions/{FunctionName}/invocations', invoke],
  ['POST', '/2015-03-31/functions/{FunctionName}/aliases', createAlias],
  ['GET', '/2015-03-31/functions/{FunctionName}/aliases', listAliases],
  ['GET', '/2015-03-31/functions/{FunctionName}/aliases/{Name}', getAlias],
  ['PUT', '/2015-03-31/functions/{FunctionName}/aliases/{Name}', updateAlias],
  ['DELETE', '/2015-03-31/functions/{FunctionName}/aliases/{Name}', deleteAlias],
  ['GET', '/2016-08-19/account-settings', getAccountSettings],
  ['POST', '/2017-03-31/tags/{ARN}', tagResource],
  ['GET', '/2017-03-31/tags/{ARN}', listTags],
  ['DELETE', '/2017-03-31/tags/{ARN}', untagResource],
  ['PUT', '/2017-10-31/functions/{FunctionName}/concurrency', putFunctionConcurrency],
  ['DELETE', '/2017-10-31/functions/{FunctionName}/concurrency', deleteFunctionConcurrency],
  ['GET', '/2019-09-30/functions/{FunctionName}/concurrency', getFunctionConcurrency],
  ['PUT', '/2019-09-30/functions/{FunctionName}/provisioned-concurrency', putProvisionedConcurrencyConfig],
  ['GET', '/2019-09-30/functions/{FunctionName}/provisioned-concurrency', getOrListProvisionedConcurrency],
  ['DELETE', '/2019-09-30/functions/{FunctionName}/provisioned-concurrency', deleteProvisionedConcurrencyConfig],
  ['PUT', '/2019-09-25/functions/{FunctionName}/event-invoke-config', putFunctionEventInvokeConfig],
  ['POST', '/2019-09-25/functions/{FunctionName}/event-invoke-config', updateFunctionEventInvokeConfig],
  ['GET', '/2019-09-25/functions/{FunctionName}/event-invoke-config', getFunctionEventInvokeConfig],
  ['DELETE', '/2019-09-25/functions/{FunctionName}/event-invoke-config', deleteFunctionEventInvokeConfig],
  ['GET', '/2019-09-25/functions/{FunctionName}/event-invoke-config/list', listFunctionEventInvokeConfigs],
];

export function lambdaRoutes(context: LambdaContext): RestRoute[] {
  return operations.map(([method, path, operation]) => ({ method, path, operation: (request) => operation(context, request) }));
}
