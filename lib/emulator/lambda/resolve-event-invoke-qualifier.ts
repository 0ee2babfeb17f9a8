import type { RestRequest } from '../protocol/rest-json-router';
import type { FunctionRecord } from '../state/function-records';
import { combineQualifier, parseFunctionReference, resolveQualifier } from './function-names';
import type { LambdaContext } from './lambda-context';

/**
 * The function and qualifier an event-invoke-config operation names (path or `Qualifier`; `$LATEST`
 * when neither). The version or alias must exist.
 */
export function resolveEventInvokeQualifier(context: LambdaContext, request: RestRequest): { record: FunctionRecord; qualifier: string } {
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  const qualifier = combineQualifier(reference, request.query.get('Qualifier') || undefined) ?? '$LATEST';
  const record = context.registry.get(reference.name);
  resolveQualifier(context.settings, record, qualifier);
  return { record, qualifier };
}
