import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { requireEventInvokeConfig } from './require-event-invoke-config';
import { resolveEventInvokeQualifier } from './resolve-event-invoke-qualifier';
import { toFunctionEventInvokeConfig, type FunctionEventInvokeConfigWire } from './to-function-event-invoke-config';

/** GetFunctionEventInvokeConfig: GET /2019-09-25/functions/{FunctionName}/event-invoke-config?Qualifier= */
export async function getFunctionEventInvokeConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { record, qualifier } = resolveEventInvokeQualifier(context, request);
  const config = requireEventInvokeConfig(context.settings, record, qualifier);
  const body: FunctionEventInvokeConfigWire = toFunctionEventInvokeConfig(context.settings, record.name, qualifier, config);
  return { status: 200, body };
}
