import { invalidParameterValue } from '../protocol/aws-error';
import { parseFunctionReference } from './function-names';

/**
 * The function name of an operation that acts on the function as a whole (updates, aliases,
 * reserved concurrency): a version or alias suffix has no meaning there, so it is refused.
 */
export function requireUnqualifiedName(functionName: string | undefined): string {
  const reference = parseFunctionReference(functionName ?? '');
  if (reference.qualifier !== undefined) {
    throw invalidParameterValue(
      `This operation is not supported on a qualified function name (${functionName}); name the function without ':${reference.qualifier}'.`,
    );
  }
  return reference.name;
}
