import { AwsError } from '../protocol/aws-error';

/* CloudWatch Logs answers every client error with HTTP 400, ResourceNotFoundException included. */

export const logGroupNotFound = () =>
  new AwsError('ResourceNotFoundException', 'The specified log group does not exist.', { status: 400 });

export const logStreamNotFound = () =>
  new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.', { status: 400 });

export const logGroupAlreadyExists = () =>
  new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists', { status: 400 });

export const logStreamAlreadyExists = () =>
  new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists', { status: 400 });

export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message, { status: 400 });

export const invalidNextToken = () => invalidParameter('The specified nextToken is invalid.');

export const rateExceeded = () => new AwsError('ThrottlingException', 'Rate exceeded', { status: 400 });
