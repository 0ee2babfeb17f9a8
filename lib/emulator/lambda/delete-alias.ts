import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { aliasMembers } from './alias-schema';
import type { LambdaContext } from './lambda-context';
import { requireUnqualifiedName } from './require-unqualified-name';

const deleteAliasSchema = z.object({ Name: aliasMembers.Name });

/**
 * DeleteAlias: DELETE /2015-03-31/functions/{FunctionName}/aliases/{Name} (204, also when the alias is
 * already gone). The alias's provisioned concurrency and event invoke config go with it.
 */
export async function deleteAlias(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(deleteAliasSchema, { Name: request.params.Name });
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  if (!record.aliases[input.Name]) return { status: 204 };
  const { [input.Name]: _alias, ...aliases } = record.aliases;
  const { [input.Name]: _provisioned, ...provisioned } = record.provisioned;
  const { [input.Name]: _eventInvokeConfig, ...eventInvokeConfigs } = record.eventInvokeConfigs;
  context.registry.put({ ...record, aliases, provisioned, eventInvokeConfigs });
  context.scheduler.deprovision(record.name, input.Name);
  return { status: 204 };
}
