import type {
  PutProvisionedConcurrencyConfigCommandInput,
  PutProvisionedConcurrencyConfigCommandOutput,
} from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { invalidParameterValue, resourceConflict } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { lambdaTimestamp, type FunctionRecord } from '../state/function-records';
import { combineQualifier, parseFunctionReference } from './function-names';
import type { LambdaContext } from './lambda-context';
import { resolveProvisionedQualifier } from './resolve-provisioned-qualifier';
import { startProvisioning } from './start-provisioning';

const putProvisionedConcurrencySchema = z.object({
  ProvisionedConcurrentExecutions: z
    .number({ error: 'Member must not be null' })
    .int()
    .min(1, 'Member must have value greater than or equal to 1'),
}) satisfies z.ZodType<Partial<PutProvisionedConcurrencyConfigCommandInput>, unknown>;

const unpublishedMessage = 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.';

/**
 * PutProvisionedConcurrencyConfig: PUT /2019-09-30/functions/{FunctionName}/provisioned-concurrency?Qualifier=
 * (202). The environments start in the background; Get reports READY once all are initialised.
 */
export async function putProvisionedConcurrencyConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(putProvisionedConcurrencySchema, readJsonBody(request));
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  if (combineQualifier(reference, request.query.get('Qualifier') || undefined) === '$LATEST') {
    throw invalidParameterValue(unpublishedMessage);
  }
  const { record, qualifier, config } = resolveProvisionedQualifier(context, request);
  if (config.version === '$LATEST') throw invalidParameterValue(unpublishedMessage);
  requireNoOverlap(record, qualifier);
  requireWithinReservation(record, qualifier, input.ProvisionedConcurrentExecutions);

  const provisioned = { requested: input.ProvisionedConcurrentExecutions, lastModified: lambdaTimestamp() };
  const updated: FunctionRecord = { ...record, provisioned: { ...record.provisioned, [qualifier]: provisioned } };
  context.registry.put(updated);
  startProvisioning(context, { record: updated, qualifier, config, count: provisioned.requested });
  const body: Omit<PutProvisionedConcurrencyConfigCommandOutput, '$metadata'> = {
    RequestedProvisionedConcurrentExecutions: provisioned.requested,
    AllocatedProvisionedConcurrentExecutions: 0,
    AvailableProvisionedConcurrentExecutions: 0,
    Status: 'IN_PROGRESS',
    LastModified: provisioned.lastModified,
  };
  return { status: 202, body };
}

/** A version is provisioned either directly or through an alias pointing at it, never both (as on AWS). */
function requireNoOverlap(record: FunctionRecord, qualifier: string): void {
  const alias = record.aliases[qualifier];
  if (alias && record.provisioned[alias.functionVersion]) {
    throw resourceConflict("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
  }
  const provisionedAlias = Object.values(record.aliases).some(
    (candidate) => candidate.functionVersion === qualifier && record.provisioned[candidate.name],
  );
  if (!alias && provisionedAlias) throw resourceConflict('Version is pointed by a Provisioned Concurrency alias');
}

/** Provisioned environments count against the function's reserved concurrency, so they must fit in it. */
function requireWithinReservation(record: FunctionRecord, qualifier: string, requested: number): void {
  if (record.reservedConcurrency === null) return;
  const others = Object.entries(record.provisioned)
    .filter(([name]) => name !== qualifier)
    .reduce((sum, [, provisioned]) => sum + provisioned.requested, 0);
  if (others + requested > record.reservedConcurrency) {
    throw invalidParameterValue('Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function');
  }
}
