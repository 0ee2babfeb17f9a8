import { AppError } from '../../errors';

/**
 * The answer Firehose expects (FORMATS.md §6.3): 200 `{ requestId, timestamp }`, or on failure
 * its status with `errorMessage` beside our own `{ error: { code, message } }`. Unknown errors are
 * logged and answered 500 without their details; Firehose retries every failure.
 */
export function firehoseResponse(requestId: string, error?: unknown): Response {
  const timestamp = Date.now();
  if (error === undefined) return Response.json({ requestId, timestamp });
  if (!(error instanceof AppError)) console.error('Firehose delivery %s failed:', requestId, error);
  const known = error instanceof AppError ? error : new AppError('internal', 'the delivery could not be stored; Firehose will retry it');
  return Response.json({ requestId, timestamp, errorMessage: known.message, ...known.toBody() }, { status: known.status });
}
