import { randomUUID } from 'node:crypto';
import type { AliasConfiguration, UpdateAliasCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { AliasRecord } from '../state/function-records';
import { aliasMembers } from './alias-schema';
import type { LambdaContext } from './lambda-context';
import { requireAlias } from './require-alias';
import { requireFunctionVersion } from './require-function-version';
import { requireRevisionId } from './require-revision-id';
import { requireUnqualifiedName } from './require-unqualified-name';
import { requireValidRouting } from './require-valid-routing';
import { startProvisioning } from './start-provisioning';
import { toAliasConfiguration } from './to-alias-configuration';

const aliasNameSchema = z.object({ Name: aliasMembers.Name });

const updateAliasSchema = z.object({
  FunctionVersion: aliasMembers.FunctionVersion.optional(),
  Description: aliasMembers.Description.optional(),
  RoutingConfig: aliasMembers.RoutingConfig.optional(),
  RevisionId: z.string().optional(),
}) satisfies z.ZodType<Partial<UpdateAliasCommandInput>, unknown>;

/**
 * UpdateAlias: PUT /2015-03-31/functions/{FunctionName}/aliases/{Name}. Members left out keep their
 * value; a RoutingConfig without weights ends traffic shifting.
 */
export async function updateAlias(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { Name } = validateInput(aliasNameSchema, { Name: request.params.Name });
  const input = validateInput(updateAliasSchema, readJsonBody(request));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const current = requireAlias(context.settings, record, Name);
  requireRevisionId(input.RevisionId, current.revisionId);
  const functionVersion = input.FunctionVersion ?? current.functionVersion;
  requireFunctionVersion(context.settings, record, functionVersion);
  const weights = input.RoutingConfig ? input.RoutingConfig.AdditionalVersionWeights ?? {} : current.additionalVersionWeights;
  const alias: AliasRecord = {
    name: current.name,
    functionVersion,
    description: input.Description ?? current.description,
    additionalVersionWeights: requireValidRouting(context.settings, record, functionVersion, weights),
    revisionId: randomUUID(),
  };
  const updated = { ...record, aliases: { ...record.aliases, [alias.name]: alias } };
  context.registry.put(updated);

  // Provisioned environments of the alias run its old version: bring up the new one's instead.
  const provisioned = record.provisioned[alias.name];
  const config = record.versions[functionVersion];
  if (provisioned && config && functionVersion !== current.functionVersion) {
    startProvisioning(context, { record: updated, qualifier: alias.name, config, count: provisioned.requested });
  }
  const response: AliasConfiguration = toAliasConfiguration(context.settings, record.name, alias);
  return { status: 200, body: response };
}
