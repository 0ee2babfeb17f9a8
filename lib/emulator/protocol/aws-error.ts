/**
 * An error the emulator answers with, shaped as AWS shapes it. `code` is the AWS error name
 * (ResourceNotFoundException …); each protocol serialises it its own way.
 */
export type AwsErrorOptions = {
  status?: number;
  /** Extra members AWS puts in the body (e.g. TooManyRequestsException's Reason). */
  fields?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Who is at fault, as Lambda reports it in `Type`. */
  fault?: 'User' | 'Service';
  /** awsQuery-compatible code (CloudWatch), e.g. InvalidParameterValue. */
  queryCode?: string;
};

export class AwsError extends Error {
  readonly status: number;
  readonly fields: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly fault: 'User' | 'Service';
  readonly queryCode: string | undefined;

  constructor(
    readonly code: string,
    message: string,
    options: AwsErrorOptions = {},
  ) {
    super(message);
    this.name = code;
    this.status = options.status ?? 400;
    this.fields = options.fields ?? {};
    this.headers = options.headers ?? {};
    this.fault = options.fault ?? (this.status >= 500 ? 'Service' : 'User');
    this.queryCode = options.queryCode;
  }
}

export const resourceNotFound = (message: string) =>
  new AwsError('ResourceNotFoundException', message, { status: 404 });

export const invalidParameterValue = (message: string) =>
  new AwsError('InvalidParameterValueException', message, { status: 400 });

export const resourceConflict = (message: string) =>
  new AwsError('ResourceConflictException', message, { status: 409 });

export const requestTooLarge = (message: string) =>
  new AwsError('RequestTooLargeException', message, { status: 413 });

export const serviceError = (message: string) =>
  new AwsError('ServiceException', message, { status: 500, fault: 'Service' });
