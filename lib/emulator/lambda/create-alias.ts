import { randomUUID } from 'node:crypto';
import type { AliasConfiguration, CreateAliasCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { resourceConflict } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { AliasRecord } from '../state/function-records';
import { aliasMembers } from './alias-schema';
import { functionArn } from './function-names';
import type { LambdaContext } from './lambda-context';
import { requireFunctionVersion } from './require-function-version';
import { requireUnqualifiedName } from './require-unqualified-name';
import { requireValidRouting } from './require-valid-routing';
import { toAliasConfiguration } from './to-alias-configuration';

const createAliasSchema = z.object({
  Name: aliasMembers.Name,
  FunctionVersion: aliasMembers.FunctionVersion,
  Description: aliasMembers.Description.default(''),
  RoutingConfig: aliasMembers.RoutingConfig.optional(),
}) satisfies z.ZodType<Partial<CreateAliasCommandInput>, unknown>;

/** CreateAlias: POST /2015-03-31/functions/{FunctionName}/aliases (201). */
export async function createAlias(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(createAliasSchema, readJsonBody(request));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  requireFunctionVersion(context.settings, record, input.FunctionVersion);
  if (record.aliases[input.Name]) {
    throw resourceConflict(`Alias already exists: ${functionArn(context.settings, record.name, input.Name)}`);
  }
  const alias: AliasRecord = {
    name: input.Name,
    functionVersion: input.FunctionVersion,
    description: input.Description,
    additionalVersionWeights: requireValidRouting(
      context.settings,
      record,
      input.FunctionVersion,
      input.RoutingConfig?.AdditionalVersionWeights ?? {},
    ),
    revisionId: randomUUID(),
  };
  context.registry.put({ ...record, aliases: { ...record.aliases, [alias.name]: alias } });
  const body: AliasConfiguration = toAliasConfiguration(context.settings, record.name, alias);
  return { status: 201, body };
}
