import type { z } from 'zod';
import { AwsError } from '../protocol/aws-error';
import { validateInput } from '../protocol/validate-input';
import { invalidParameter } from './logs-errors';

/**
 * validateInput, answered the way CloudWatch Logs answers it: the same "1 validation error
 * detected: …" text, but as InvalidParameterException (Logs has no ValidationException for these).
 */
export function parseLogsInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  try {
    return validateInput(schema, input);
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ValidationException') throw invalidParameter(error.message);
    throw error;
  }
}
