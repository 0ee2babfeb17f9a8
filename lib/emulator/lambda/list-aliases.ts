import type { ListAliasesCommandOutput } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { aliasMembers } from './alias-schema';
import type { LambdaContext } from './lambda-context';
import { pageOf } from './page-of';
import { pageSize, pagingMembers } from './paging-members';
import { requireUnqualifiedName } from './require-unqualified-name';
import { toAliasConfiguration } from './to-alias-configuration';

const listAliasesSchema = z.object({ FunctionVersion: aliasMembers.FunctionVersion.optional(), ...pagingMembers(10000) });

/** ListAliases: GET /2015-03-31/functions/{FunctionName}/aliases?FunctionVersion=&Marker=&MaxItems= */
export async function listAliases(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(listAliasesSchema, Object.fromEntries(request.query));
  const record = context.registry.get(requireUnqualifiedName(request.params.FunctionName));
  const aliases = Object.values(record.aliases)
    .filter((alias) => input.FunctionVersion === undefined || alias.functionVersion === input.FunctionVersion)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((alias) => toAliasConfiguration(context.settings, record.name, alias));
  const page = pageOf(aliases, { marker: input.Marker, maxItems: pageSize(input.MaxItems) });
  const body: Omit<ListAliasesCommandOutput, '$metadata'> = {
    Aliases: page.items,
    ...(page.nextMarker ? { NextMarker: page.nextMarker } : {}),
  };
  return { status: 200, body };
}
