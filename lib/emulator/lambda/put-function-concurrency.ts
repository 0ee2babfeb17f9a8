import type { PutFunctionConcurrencyCommandInput, PutFunctionConcurrencyCommandOutput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { invalidParameterValue } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { requireUnqualifiedName } from './require-unqualified-name';

const putFunctionConcurrencySchema = z.object({
  ReservedConcurrentExecutions: z
    .number({ error: 'Member must not be null' })
    .int()
    .min(0, 'Member must have value greater than or equal to 0'),
}) satisfies z.ZodType<Partial<PutFunctionConcurrencyCommandInput>, unknown>;

/** PutFunctionConcurrency: PUT /2017-10-31/functions/{FunctionName}/concurrency */
export async function putFunctionConcurrency(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(putFunctionConcurrencySchema, readJsonBody(request));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const limit = context.settings.accountConcurrencyLimit;
  // AWS keeps 100 of its default 1,000 unreserved; a smaller configured account keeps 10 %.
  const minimumUnreserved = Math.min(100, Math.floor(limit / 10));
  const reservedElsewhere = context.registry.totalReservedConcurrency() - (record.reservedConcurrency ?? 0);
  if (limit - reservedElsewhere - input.ReservedConcurrentExecutions < minimumUnreserved) {
    throw invalidParameterValue(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimumUnreserved}].`,
    );
  }
  context.registry.put({ ...record, reservedConcurrency: input.ReservedConcurrentExecutions });
  const body: Omit<PutFunctionConcurrencyCommandOutput, '$metadata'> = {
    ReservedConcurrentExecutions: input.ReservedConcurrentExecutions,
  };
  return { status: 200, body };
}
