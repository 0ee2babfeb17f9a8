import { AwsError } from './aws-error';
import { headerValue, type EmulatorRequest, type EmulatorResponse } from './http-types';

/** One operation of an awsJson1.0/1.1 service: parsed JSON in, JSON-serialisable output out. */
export type AwsJsonOperation = (input: unknown) => unknown;

export type AwsJsonServiceOptions = {
  /** The X-Amz-Target prefix, e.g. `Logs_20140328`. */
  targetPrefix: string;
  /** `application/x-amz-json-1.1` for CloudWatch Logs, `…-1.0` for CloudWatch. */
  contentType: string;
  operations: Record<string, AwsJsonOperation>;
  /** CloudWatch answers errors with `x-amzn-query-error` as well, for clients that read awsQuery codes. */
  queryCompatible?: boolean;
  /** Fault injection: called before every operation; throw to fail the call. */
  beforeOperation?: (operation: string) => void;
};

/** Serves an AWS JSON-RPC protocol (awsJson1.0 / awsJson1.1): `POST /` with `X-Amz-Target: Prefix.Operation`. */
export function createAwsJsonService(options: AwsJsonServiceOptions) {
  const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    try {
      const output = await dispatch(options, request);
      return { status: 200, headers: { 'content-type': options.contentType }, body: output ?? {} };
    } catch (error) {
      return awsJsonError(options, error);
    }
  };
  const matches = (target: string | undefined) => target?.startsWith(`${options.targetPrefix}.`) ?? false;
  return { handle, matches };
}

async function dispatch(options: AwsJsonServiceOptions, request: EmulatorRequest): Promise<unknown> {
  if (request.method !== 'POST') {
    throw new AwsError('UnknownOperationException', `${request.method} is not supported; use POST`, { status: 404 });
  }
  const target = headerValue(request.headers, 'x-amz-target') ?? '';
  const operationName = target.slice(options.targetPrefix.length + 1);
  const operation = Object.hasOwn(options.operations, operationName) ? options.operations[operationName] : undefined;
  if (!operation) {
    throw new AwsError('UnknownOperationException', `Unknown operation ${target}`, { status: 400 });
  }
  const input = parseJsonBody(request.body);
  options.beforeOperation?.(operationName);
  return operation(input);
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'Request body is not valid JSON', { status: 400 });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'Request body must be a JSON object', { status: 400 });
  }
  return parsed;
}

function awsJsonError(options: AwsJsonServiceOptions, error: unknown): EmulatorResponse {
  const awsError = error instanceof AwsError ? error : new AwsError('InternalFailure', String(error), { status: 500 });
  const headers: Record<string, string> = {
    'content-type': options.contentType,
    'x-amzn-errortype': awsError.code,
    ...awsError.headers,
  };
  if (options.queryCompatible) {
    headers['x-amzn-query-error'] = `${awsError.queryCode ?? awsError.code};${awsError.fault === 'User' ? 'Sender' : 'Receiver'}`;
  }
  return {
    status: awsError.status,
    headers,
    body: { __type: awsError.code, message: awsError.message, ...awsError.fields },
  };
}
