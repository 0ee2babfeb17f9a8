import { z } from 'zod';
import { alertRuleInputSchema } from '@/lib/alerts/alert-rule-input';
import { previewAlertRule } from '@/lib/alerts/preview-alert-rule';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

const previewSchema = z.object({
  rule: alertRuleInputSchema,
  functionId: z.coerce.number().int().positive(),
  hours: z.coerce.number().min(1).max(48).default(24),
});

/**
 * POST /api/v1/alerts/rules/preview — `{ rule, functionId, hours? }`: what the rule (saved or not) would have done to
 * that function over the last `hours` (default 24): the signal every minute, its states, changes and notifications.
 */
export const POST = apiHandler('viewer', async ({ request, prisma }) => {
  const { rule, functionId, hours } = previewSchema.parse(await readJsonBody(request));
  return previewAlertRule(prisma, rule, { functionId, now: new Date(), hours });
});
