import { AwsError, resourceConflict } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { combineQualifier, parseFunctionReference } from './function-names';
import type { LambdaContext } from './lambda-context';

/** DeleteFunction: DELETE /2015-03-31/functions/{FunctionName}?Qualifier= (a version, or the whole function). */
export async function deleteFunction(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  const qualifier = combineQualifier(reference, request.query.get('Qualifier'));
  const record = context.registry.get(reference.name);
  if (qualifier === undefined) {
    context.scheduler.retireFunction(record.name, { includeProvisioned: true });
    context.registry.delete(record.name);
    return { status: 204 };
  }
  if (qualifier === '$LATEST' || record.aliases[qualifier]) {
    throw new AwsError('InvalidParameterValueException', '$LATEST version or an alias cannot be deleted; delete the function instead.');
  }
  if (!record.versions[qualifier]) return { status: 204 };
  const aliasUsing = Object.values(record.aliases).find(
    (alias) => alias.functionVersion === qualifier || qualifier in alias.additionalVersionWeights,
  );
  if (aliasUsing) throw resourceConflict(`Unable to delete version because the following alias refers to it: ${aliasUsing.name}`);
  // A version takes its provisioned environments and event invoke config with it.
  const { [qualifier]: _deleted, ...versions } = record.versions;
  const { [qualifier]: _provisioned, ...provisioned } = record.provisioned;
  const { [qualifier]: _eventInvokeConfig, ...eventInvokeConfigs } = record.eventInvokeConfigs;
  context.scheduler.deprovision(record.name, qualifier);
  context.registry.put({ ...record, versions, provisioned, eventInvokeConfigs });
  return { status: 204 };
}
