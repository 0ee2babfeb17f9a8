import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { pageOf } from './page-of';
import { pageSize, pagingMembers } from './paging-members';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toFunctionEventInvokeConfig, type FunctionEventInvokeConfigWire } from './to-function-event-invoke-config';

const listEventInvokeConfigsSchema = z.object(pagingMembers(50));

/** ListFunctionEventInvokeConfigs: GET /2019-09-25/functions/{FunctionName}/event-invoke-config/list */
export async function listFunctionEventInvokeConfigs(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(listEventInvokeConfigsSchema, Object.fromEntries(request.query));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const configs = Object.entries(record.eventInvokeConfigs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([qualifier, config]) => toFunctionEventInvokeConfig(context.settings, record.name, qualifier, config));
  const page = pageOf(configs, { marker: input.Marker, maxItems: pageSize(input.MaxItems) });
  const body: { FunctionEventInvokeConfigs: FunctionEventInvokeConfigWire[]; NextMarker?: string } = {
    FunctionEventInvokeConfigs: page.items,
    ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
  };
  return { status: 200, body };
}
