import { z } from 'zod';

const regionSchema = z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1');

/**
 * A source as a user describes it (the CLI's flags and POST /api/v1/sources alike): the emulator
 * (an endpoint) or an AWS account and region, reached by the default credential chain, a named
 * profile or an assumed role, with an optional endpoint override (LocalStack-style).
 */
export const sourceInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('emulator'),
    name: z.string().trim().min(1, 'is required').max(100, 'at most 100 characters'),
    endpoint: z.url({ message: 'must be a URL such as http://127.0.0.1:4566' }),
    region: regionSchema.default('us-east-1'),
  }),
  z.object({
    kind: z.literal('aws'),
    name: z.string().trim().min(1, 'is required').max(100, 'at most 100 characters'),
    region: regionSchema,
    profile: z.string().trim().min(1).max(200).optional(),
    roleArn: z.string().trim().regex(/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN').optional(),
    endpoint: z.url().optional(),
  }),
]);

export type SourceInput = z.output<typeof sourceInputSchema>;
