import { AwsError } from '../protocol/aws-error';

/**
 * CloudWatch's client errors. Each has a JSON name (what the SDK's `error.name` shows) and an
 * awsQuery code (what the CLI prints and `x-amzn-query-error` carries).
 */
export const invalidParameterValue = (message: string) =>
  new AwsError('InvalidParameterValueException', message, { status: 400, queryCode: 'InvalidParameterValue' });

export const missingRequiredParameter = (message: string) =>
  new AwsError('MissingRequiredParameterException', message, { status: 400, queryCode: 'MissingParameter' });

export const invalidParameterCombination = (message: string) =>
  new AwsError('InvalidParameterCombinationException', message, { status: 400, queryCode: 'InvalidParameterCombination' });

export const invalidNextToken = (message: string) =>
  new AwsError('InvalidNextToken', message, { status: 400, queryCode: 'InvalidNextToken' });
