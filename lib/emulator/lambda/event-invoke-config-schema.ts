import type { PutFunctionEventInvokeConfigCommandInput } from '@aws-sdk/client-lambda';
import { z } from 'zod';

const destinationArn = z
  .string()
  .max(350, 'Member must have length less than or equal to 350')
  .regex(
    /^$|^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/,
    'Member must satisfy regular expression pattern: ^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
  );

/** The members PutFunctionEventInvokeConfig and UpdateFunctionEventInvokeConfig share, with the model's bounds. */
export const eventInvokeConfigSchema = z.object({
  MaximumRetryAttempts: z
    .number()
    .int()
    .min(0, 'Member must have value greater than or equal to 0')
    .max(2, 'Member must have value less than or equal to 2')
    .optional(),
  MaximumEventAgeInSeconds: z
    .number()
    .int()
    .min(60, 'Member must have value greater than or equal to 60')
    .max(21600, 'Member must have value less than or equal to 21600')
    .optional(),
  DestinationConfig: z
    .object({
      OnSuccess: z.object({ Destination: destinationArn.optional() }).optional(),
      OnFailure: z.object({ Destination: destinationArn.optional() }).optional(),
    })
    .optional(),
}) satisfies z.ZodType<Partial<PutFunctionEventInvokeConfigCommandInput>, unknown>;

export type EventInvokeConfigInput = z.output<typeof eventInvokeConfigSchema>;
