import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { requireEventInvokeConfig } from './require-event-invoke-config';
import { resolveEventInvokeQualifier } from './resolve-event-invoke-qualifier';

/** DeleteFunctionEventInvokeConfig: DELETE /2019-09-25/functions/{FunctionName}/event-invoke-config?Qualifier= (204). */
export async function deleteFunctionEventInvokeConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { record, qualifier } = resolveEventInvokeQualifier(context, request);
  requireEventInvokeConfig(context.settings, record, qualifier);
  const { [qualifier]: _deleted, ...eventInvokeConfigs } = record.eventInvokeConfigs;
  context.registry.put({ ...record, eventInvokeConfigs });
  return { status: 204 };
}
