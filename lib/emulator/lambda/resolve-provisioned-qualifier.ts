import { z } from 'zod';
import { invalidParameterValue, resourceNotFound } from '../protocol/aws-error';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { FunctionRecord, VersionConfig } from '../state/function-records';
import { combineQualifier, functionArn, parseFunctionReference } from './function-names';
import type { LambdaContext } from './lambda-context';

const qualifierSchema = z.object({
  Qualifier: z
    .string({ error: 'Member must not be null' })
    .min(1, 'Member must have length greater than or equal to 1')
    .max(128, 'Member must have length less than or equal to 128')
    .regex(/^[a-zA-Z0-9$_-]+$/, 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)'),
});

export type ProvisionedQualifier = { record: FunctionRecord; qualifier: string; config: VersionConfig };

/**
 * The alias or published version a provisioned-concurrency operation names (path or `Qualifier`),
 * with the configuration it runs: an alias's is its version's.
 */
export function resolveProvisionedQualifier(context: LambdaContext, request: RestRequest): ProvisionedQualifier {
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  const { Qualifier: qualifier } = validateInput(qualifierSchema, {
    Qualifier: combineQualifier(reference, request.query.get('Qualifier') || undefined),
  });
  const record = context.registry.get(reference.name);
  if (qualifier === '$LATEST') {
    throw invalidParameterValue('The function resource provided must be an alias or a published version.');
  }
  const alias = record.aliases[qualifier];
  if (alias) {
    const config = alias.functionVersion === '$LATEST' ? record.latest : record.versions[alias.functionVersion];
    if (config) return { record, qualifier, config };
  }
  const version = record.versions[qualifier];
  if (version) return { record, qualifier, config: version };
  const arn = functionArn(context.settings, record.name, qualifier);
  throw resourceNotFound(/^\d+$/.test(qualifier) ? `Function not found: ${arn}` : `Cannot find alias arn: ${arn}`);
}
