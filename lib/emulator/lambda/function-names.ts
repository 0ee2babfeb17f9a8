import { AwsError, resourceNotFound } from '../protocol/aws-error';
import type { EmulatorSettings } from '../emulator-settings';
import type { FunctionRecord, VersionConfig } from '../state/function-records';

export const functionNamePattern = /^[a-zA-Z0-9-_]{1,64}$/;

/** Accepts what AWS accepts: `name`, `name:qualifier`, `123456789012:function:name`, or a full ARN. */
const functionReference =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9-_]{1,64})(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export type FunctionReference = { name: string; qualifier?: string };

export function parseFunctionReference(reference: string): FunctionReference {
  const match = functionReference.exec(reference);
  if (!match?.[1]) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${reference}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      { status: 400 },
    );
  }
  return match[2] ? { name: match[1], qualifier: match[2] } : { name: match[1] };
}

/** A qualifier given both in the name and as `Qualifier` must agree, as AWS requires. */
export function combineQualifier(reference: FunctionReference, qualifier: string | null | undefined): string | undefined {
  if (qualifier && reference.qualifier && qualifier !== reference.qualifier) {
    throw new AwsError(
      'InvalidParameterValueException',
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  }
  return qualifier ?? reference.qualifier;
}

export function functionArn(settings: EmulatorSettings, name: string, qualifier?: string): string {
  const base = `arn:aws:lambda:${settings.region}:${settings.accountId}:function:${name}`;
  return qualifier ? `${base}:${qualifier}` : base;
}

export type ResolvedQualifier = { config: VersionConfig; aliasName?: string };

/** Resolves `$LATEST`, a published version, or an alias (its primary version) to a configuration. */
export function resolveQualifier(
  settings: EmulatorSettings,
  record: FunctionRecord,
  qualifier: string | undefined,
): ResolvedQualifier {
  if (qualifier === undefined || qualifier === '$LATEST') return { config: record.latest };
  const version = record.versions[qualifier];
  if (version) return { config: version };
  const alias = record.aliases[qualifier];
  const aliasVersion = alias ? record.versions[alias.functionVersion] ?? (alias.functionVersion === '$LATEST' ? record.latest : undefined) : undefined;
  if (alias && aliasVersion) return { config: aliasVersion, aliasName: alias.name };
  throw resourceNotFound(`Function not found: ${functionArn(settings, record.name, qualifier)}`);
}
