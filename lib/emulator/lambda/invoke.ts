import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AwsError, requestTooLarge } from '../protocol/aws-error';
import { headerValue, type EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import { buildInvocationTarget } from './build-invocation-target';
import { combineQualifier, parseFunctionReference, resolveQualifier } from './function-names';
import type { LambdaContext } from './lambda-context';

/** Payload limits as AWS has them today (async was raised from 256 KB to 1 MB in 2025). */
const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
const MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024;

const invokeHeadersSchema = z.object({
  InvocationType: z.enum(['RequestResponse', 'Event', 'DryRun']).default('RequestResponse'),
  LogType: z.enum(['None', 'Tail']).default('None'),
  ClientContext: z.string().max(3583, 'Member must have length less than or equal to 3583').optional(),
});

/** Invoke: POST /2015-03-31/functions/{FunctionName}/invocations?Qualifier= */
export async function invoke(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const reference = parseFunctionReference(request.params.FunctionName ?? '');
  const qualifier = combineQualifier(reference, request.query.get('Qualifier'));
  const input = validateInput(invokeHeadersSchema, {
    InvocationType: headerValue(request.headers, 'x-amz-invocation-type'),
    LogType: headerValue(request.headers, 'x-amz-log-type'),
    ClientContext: headerValue(request.headers, 'x-amz-client-context'),
  });
  const record = context.registry.get(reference.name);
  resolveQualifier(context.settings, record, qualifier);

  const limit = input.InvocationType === 'Event' ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
  if (request.body.length > limit) {
    throw requestTooLarge(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
  }
  const payload = request.body.length === 0 ? Buffer.from('{}') : request.body;
  requireJson(payload);
  if (input.InvocationType === 'DryRun') return { status: 204 };

  const requestId = randomUUID();
  if (input.InvocationType === 'Event') {
    context.asyncQueue.enqueue({ requestId, functionName: record.name, qualifier, payload });
    return { status: 202, headers: { 'x-amzn-requestid': requestId } };
  }
  const target = buildInvocationTarget(context.settings, record, qualifier);
  const result = await context.scheduler.invoke(target, {
    requestId,
    payload,
    tail: input.LogType === 'Tail',
    ...(input.ClientContext ? { clientContext: decodeClientContext(input.ClientContext) } : {}),
  });
  if (result.kind === 'throttled') {
    throw new AwsError('TooManyRequestsException', 'Rate Exceeded.', { status: 429, fields: { Reason: result.reason } });
  }
  const { outcome } = result;
  const headers: Record<string, string> = {
    'x-amzn-requestid': requestId,
    'x-amz-executed-version': result.executedVersion,
    'content-type': 'application/json',
  };
  if (outcome.status !== 'success') headers['x-amz-function-error'] = 'Unhandled';
  if (outcome.logTail !== undefined) headers['x-amz-log-result'] = outcome.logTail;
  return { status: 200, headers, body: outcome.payload };
}

function requireJson(payload: Buffer): void {
  try {
    JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`, {
      status: 400,
    });
  }
}

/** X-Amz-Client-Context is base64 JSON; the runtime receives the JSON itself. */
function decodeClientContext(encoded: string): string {
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    throw new AwsError('InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.', {
      status: 400,
    });
  }
  return text;
}
