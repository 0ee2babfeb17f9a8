import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { LambdaContext } from './lambda-context';
import { pageOf } from './page-of';
import { toFunctionConfiguration } from './to-function-configuration';

const listFunctionsSchema = z.object({
  Marker: z.string().optional(),
  MaxItems: z.coerce
    .number()
    .int()
    .min(1, 'Member must have value greater than or equal to 1')
    .max(10000, 'Member must have value less than or equal to 10000')
    .optional(),
  FunctionVersion: z.enum(['ALL']).optional(),
});

/** ListFunctions: GET /2015-03-31/functions?Marker=&MaxItems=&FunctionVersion=ALL (50 a page at most). */
export async function listFunctions(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(listFunctionsSchema, Object.fromEntries(request.query));
  const configurations = context.registry
    .list()
    .flatMap((record) => (input.FunctionVersion === 'ALL' ? [record.latest, ...Object.values(record.versions)] : [record.latest]))
    .map((config) => toFunctionConfiguration(context.settings, config));
  const page = pageOf(configurations, { marker: input.Marker, maxItems: Math.min(input.MaxItems ?? 50, 50) });
  return { status: 200, body: { Functions: page.items, ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}) } };
}
