import { z } from 'zod';
import { MAX_INVOCATIONS_PAGE, type FunctionInvocationsOptions } from './list-function-invocations';

const flag = z.enum(['true', 'false', 'yes', 'no', '']).transform((value) => (value === '' ? undefined : value === 'true' || value === 'yes'));

/**
 * The invocation list's filters as a URL names them (the function page and /api/v1 alike):
 * status, coldStart, version, retried, cursor, limit. Blank values mean "any".
 */
export const invocationQuerySchema = z
  .object({
    status: z.enum(['success', 'error', 'timeout', 'out_of_memory', 'init_error', 'crashed', 'running', 'failed', '']).optional(),
    coldStart: flag.optional(),
    version: z.string().trim().max(128).optional(),
    retried: flag.optional(),
    cursor: z.string().max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_INVOCATIONS_PAGE).default(50),
  })
  .transform((query): Omit<FunctionInvocationsOptions, 'functionId' | 'range'> => ({
    ...(query.status ? { status: query.status } : {}),
    ...(query.coldStart === undefined ? {} : { coldStart: query.coldStart }),
    ...(query.version ? { version: query.version } : {}),
    ...(query.retried === undefined ? {} : { retried: query.retried }),
    ...(query.cursor ? { cursor: query.cursor } : {}),
    limit: query.limit,
  }));

export type InvocationQuery = z.output<typeof invocationQuerySchema>;
