import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { resolveProvisionedQualifier } from './resolve-provisioned-qualifier';

/**
 * DeleteProvisionedConcurrencyConfig: DELETE /2019-09-30/functions/{FunctionName}/provisioned-concurrency?Qualifier=
 * (204, also when none was set). Its environments shut down; later invokes start on demand.
 */
export async function deleteProvisionedConcurrencyConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { record, qualifier } = resolveProvisionedQualifier(context, request);
  const { [qualifier]: _deleted, ...provisioned } = record.provisioned;
  context.registry.put({ ...record, provisioned });
  context.scheduler.deprovision(record.name, qualifier);
  return { status: 204 };
}
