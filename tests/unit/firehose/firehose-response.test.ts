import { expect, test, vi } from 'vitest';
import { AppError } from '../../../lib/errors';
import { firehoseResponse } from '../../../lib/ingest/firehose/firehose-response';
import { ServiceUnavailableError } from '../../../lib/ingest/firehose/service-unavailable-error';

test('success: 200 with exactly the request id and a timestamp', async () => {
  const response = firehoseResponse('req-1');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ requestId: 'req-1', timestamp: expect.any(Number) as number });
});

test.each([
  ['a malformed request', new AppError('validation', 'body: not valid JSON', 'body'), 400, 'body: not valid JSON'],
  ['a wrong key', new AppError('unauthorized', 'wrong key'), 401, 'wrong key'],
  ['an endpoint not configured', new ServiceUnavailableError('set the key'), 503, 'set the key'],
  ['anything else, details kept out', new Error('connection refused at 10.0.0.5'), 500, 'the delivery could not be stored; Firehose will retry it'],
])('failure, %s: its status, errorMessage and the error body', async (_name, error, status, message) => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const response = firehoseResponse('req-2', error);
  logged.mockRestore();
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ requestId: 'req-2', timestamp: expect.any(Number) as number, errorMessage: message, error: { message } });
});
