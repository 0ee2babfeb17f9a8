import type { z } from 'zod';
import { AwsError } from '../protocol/aws-error';
import { validateInput, valueAt } from '../protocol/validate-input';
import { invalidParameterValue, missingRequiredParameter } from './metrics-errors';

/**
 * validateInput with CloudWatch's error names: CloudWatch has no ValidationException, it answers
 * a missing member with MissingParameter and anything else with InvalidParameterValue.
 */
export function parseMetricsInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  try {
    return validateInput(schema, input);
  } catch (error) {
    if (!(error instanceof AwsError) || error.code !== 'ValidationException') throw error;
    const missing = schema.safeParse(input).error?.issues.find(
      (issue) => issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined,
    );
    if (missing) throw missingRequiredParameter(`The parameter ${queryPath(missing.path)} is required.`);
    throw invalidParameterValue(error.message);
  }
}

/** `['MetricDataQueries', 0, 'MetricStat']` → `MetricDataQueries.member.1.MetricStat`, as AWS names members. */
function queryPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `member.${part + 1}` : String(part))).join('.');
}
