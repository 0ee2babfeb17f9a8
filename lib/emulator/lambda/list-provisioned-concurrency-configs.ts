import type { ListProvisionedConcurrencyConfigsCommandOutput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { pageOf } from './page-of';
import { pageSize, pagingMembers } from './paging-members';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toProvisionedConcurrencyConfig } from './to-provisioned-concurrency-config';

const listProvisionedConcurrencySchema = z.object({ List: z.literal('ALL'), ...pagingMembers(50) });

/** ListProvisionedConcurrencyConfigs: GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency?List=ALL */
export async function listProvisionedConcurrencyConfigs(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(listProvisionedConcurrencySchema, Object.fromEntries(request.query));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const configs = Object.entries(record.provisioned)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([qualifier, provisioned]) => toProvisionedConcurrencyConfig(context, record, qualifier, provisioned));
  const page = pageOf(configs, { marker: input.Marker, maxItems: pageSize(input.MaxItems) });
  const body: Omit<ListProvisionedConcurrencyConfigsCommandOutput, '$metadata'> = {
    ProvisionedConcurrencyConfigs: page.items,
    ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
  };
  return { status: 200, body };
}
