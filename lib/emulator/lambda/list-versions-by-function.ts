import type { ListVersionsByFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { pageOf } from './page-of';
import { pageSize, pagingMembers } from './paging-members';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toFunctionConfiguration } from './to-function-configuration';

const listVersionsSchema = z.object(pagingMembers(10000));

/** ListVersionsByFunction: GET /2015-03-31/functions/{FunctionName}/versions?Marker=&MaxItems= ($LATEST first). */
export async function listVersionsByFunction(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(listVersionsSchema, Object.fromEntries(request.query));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const published = Object.values(record.versions).sort((a, b) => Number(a.version) - Number(b.version));
  const configurations = [record.latest, ...published].map((config) => toFunctionConfiguration(context.settings, config));
  const page = pageOf(configurations, { marker: input.Marker, maxItems: pageSize(input.MaxItems) });
  const body: Omit<ListVersionsByFunctionCommandOutput, '$metadata'> = {
    Versions: page.items,
    ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
  };
  return { status: 200, body };
}
