import { AwsError, invalidParameterValue, resourceNotFound } from '../protocol/aws-error';
import type { FunctionRecord } from '../state/function-records';
import type { LambdaContext } from './lambda-context';

/** The model's FunctionArn: the tagging operations take a full ARN, never a bare name. */
const functionArnPattern =
  /^arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):function:([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/**
 * The function a tagging operation's `{ARN}` names. Tags belong to the function as a whole, so a
 * version or alias ARN is refused; an ARN of another region or account names no function here.
 */
export function requireTaggableFunction(context: LambdaContext, resource: string | undefined): FunctionRecord {
  const arn = resource ?? '';
  const match = functionArnPattern.exec(arn);
  if (!match?.[4]) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${arn}' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}(-gov)?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      { status: 400, fields: { field: 'resource' } },
    );
  }
  const [, , region, accountId, name, qualifier] = match;
  if (qualifier !== undefined) {
    // AWS's wording for a version or alias ARN.
    throw invalidParameterValue('Tags on function aliases and versions are not supported. Please specify a function ARN.');
  }
  if (region !== context.settings.region || accountId !== context.settings.accountId) {
    throw resourceNotFound(`Function not found: ${arn}`);
  }
  return context.registry.get(name);
}
