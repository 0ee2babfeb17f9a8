import { expect, test } from 'vitest';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../../lib/errors';
import { errorResponse } from '../../../lib/http/error-response';

const zodError = z.object({ limit: z.number().max(10) }).safeParse({ limit: 11 }).error;

test.each([
  ['an AppError', new AppError('forbidden', 'viewers cannot change sources'), 403, { code: 'forbidden', message: 'viewers cannot change sources' }],
  ['a NotFoundError with its field', new NotFoundError('no such function', 'functionId'), 404, { code: 'not_found', message: 'no such function', field: 'functionId' }],
  ['a ZodError, naming the field', zodError, 400, { code: 'validation', message: expect.stringMatching(/^limit: /) as unknown, field: 'limit' }],
  ['anything else, without internals', new Error('connection string postgres://secret'), 500, { code: 'internal', message: 'Something went wrong on our side; it has been logged.' }],
])('%s', async (_name, error, status, body) => {
  const original = console.error;
  console.error = () => undefined;
  try {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: body });
  } finally {
    console.error = original;
  }
});
