import { z } from 'zod';
import { alertSignals, comparisons } from './alert-signals';

const DAY_MINUTES = 1_440;

/** A rule as an editor describes it (the UI's form and POST /api/v1/alerts/rules alike). */
export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'at most 200 characters'),
    scope: z.enum(['function', 'pattern', 'tag', 'all']),
    functionId: z.coerce.number().int().positive().optional(),
    pattern: z.string().trim().min(1).max(200).optional(),
    tagKey: z.string().trim().min(1).max(128, 'at most 128 characters').optional(),
    /** Absent: any value of the tag. */
    tagValue: z.string().max(256, 'at most 256 characters').optional(),
    signal: z.enum(alertSignals),
    comparison: z.enum(comparisons),
    threshold: z.coerce.number().finite('must be a number'),
    windowMinutes: z.coerce.number().int().min(1, 'at least 1 minute').max(DAY_MINUTES, 'at most a day'),
    forMinutes: z.coerce.number().int().min(0).max(DAY_MINUTES, 'at most a day').default(0),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    repeatMinutes: z.coerce.number().int().min(5, 'at least 5 minutes').max(7 * DAY_MINUTES, 'at most a week').default(240),
    runbookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).max(2_000).optional(),
    description: z.string().trim().max(2_000, 'at most 2,000 characters').optional(),
    channelIds: z.array(z.coerce.number().int().positive()).max(20).default([]),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.scope === 'function' && rule.functionId === undefined) context.addIssue({ code: 'custom', path: ['functionId'], message: 'is required when scope is function' });
    if (rule.scope === 'pattern' && rule.pattern === undefined) context.addIssue({ code: 'custom', path: ['pattern'], message: 'is required when scope is pattern' });
    if (rule.scope === 'tag' && rule.tagKey === undefined) context.addIssue({ code: 'custom', path: ['tagKey'], message: 'is required when scope is tag' });
  });

export type AlertRuleInput = z.output<typeof alertRuleInputSchema>;
