import { z } from 'zod';

/** One CloudWatch Logs event as a subscription delivers it (FORMATS.md §6.2). */
export const subscriptionLogEventSchema = z.object({
  // A 56-digit id: as a JSON number it would already have lost its digits.
  id: z.string({ error: 'must be a string (never a number)' }).min(1, 'must not be empty'),
  timestamp: z.number({ error: 'must be a number (ms since epoch)' }).int().nonnegative(),
  message: z.string({ error: 'must be a string' }),
  /** Centralised (cross-account) delivery: the account and region the event came from. */
  extractedFields: z.record(z.string(), z.unknown()).optional(),
});

export const dataMessageSchema = z.object({
  messageType: z.literal('DATA_MESSAGE'),
  owner: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  logGroup: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  logStream: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  subscriptionFilters: z.array(z.string()).default([]),
  logEvents: z.array(subscriptionLogEventSchema, { error: 'must be an array' }),
});

/** The health check sent when a destination is created: nothing to store. */
export const controlMessageSchema = z.object({ messageType: z.literal('CONTROL_MESSAGE') });

/** One CloudWatch Logs subscription document: the JSON inside a Firehose record once gunzipped. */
export const subscriptionMessageSchema = z.discriminatedUnion('messageType', [dataMessageSchema, controlMessageSchema], {
  error: 'must be DATA_MESSAGE or CONTROL_MESSAGE',
});

export type SubscriptionLogEvent = z.infer<typeof subscriptionLogEventSchema>;
export type DataMessage = z.infer<typeof dataMessageSchema>;
export type SubscriptionMessage = z.infer<typeof subscriptionMessageSchema>;
