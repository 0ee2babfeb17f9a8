import { z } from 'zod';
import { parseStatistic } from './parse-statistic';

/** Input shapes shared by the CloudWatch read operations, with CloudWatch's limits. */

/** Epoch seconds on the JSON wire; ISO-8601 text in awsQuery forms (and epoch text, which the CLI allows). */
export const timestampSchema = z.union([z.number(), z.string()]).transform((value, context) => {
  const milliseconds =
    typeof value === 'number' ? value * 1000 : /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(milliseconds)) {
    context.addIssue({ code: 'custom', message: 'Member must be a timestamp (epoch seconds or ISO-8601)' });
    return z.NEVER;
  }
  return new Date(milliseconds);
});

// Only regular resolution is stored (per minute), so the 1/5/10/30 s high-resolution periods are refused.
export const periodSchema = z
  .number()
  .int()
  .refine((period) => period >= 60 && period % 60 === 0, 'Member must be 60 or a multiple of 60');

export const dimensionSchema = z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024) });

export const metricSchema = z.object({
  Namespace: z.string().min(1).max(255),
  MetricName: z.string().min(1).max(255),
  Dimensions: z.array(dimensionSchema).max(30).default([]),
});

export const statisticSchema = z
  .string()
  .refine((text) => parseStatistic(text) !== null, 'Member must be Sum, Average, Minimum, Maximum, SampleCount or a percentile p0.0 to p100');
