/** What went wrong, in the words a client can act on; each code answers with one HTTP status. */
export type ErrorCode = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'internal' | 'unavailable';

export const errorStatus: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  /** A dependency (the database) is down for now: callers such as Firehose retry. */
  unavailable: 503,
};

/** The body every JSON error response carries. */
export type ErrorBody = { error: { code: ErrorCode; message: string; field?: string } };

/** The one error shape of Lambdascope's domain code; `field` names the input at fault, if any. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field === undefined ? {} : { field: this.field }) } };
  }
}

/** Something asked for by its id is not known. */
export class NotFoundError extends AppError {
  constructor(message: string, field?: string) {
    super('not_found', message, field);
    this.name = 'NotFoundError';
  }
}
