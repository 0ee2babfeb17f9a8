import { z } from 'zod';

/** The body of a Firehose HTTP endpoint delivery (FORMATS.md §6.3). */
export const firehoseRequestSchema = z.object({
  requestId: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  timestamp: z.number({ error: 'must be a number (ms since epoch)' }).int().nonnegative(),
  records: z.array(z.object({ data: z.base64({ error: 'must be base64' }) }, { error: 'must be an object with data' }), {
    error: 'must be an array',
  }),
});

export type FirehoseRequest = z.infer<typeof firehoseRequestSchema>;
