import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { aliasMembers } from './alias-schema';
import type { LambdaContext } from './lambda-context';
import { requireAlias } from './require-alias';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toAliasConfiguration } from './to-alias-configuration';

const getAliasSchema = z.object({ Name: aliasMembers.Name });

/** GetAlias: GET /2015-03-31/functions/{FunctionName}/aliases/{Name} */
export async function getAlias(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(getAliasSchema, { Name: request.params.Name });
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const body: AliasConfiguration = toAliasConfiguration(context.settings, record.name, requireAlias(context.settings, record, input.Name));
  return { status: 200, body };
}
