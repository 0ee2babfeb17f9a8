import { alertRuleInputSchema } from '@/lib/alerts/alert-rule-input';
import { saveAlertRule } from '@/lib/alerts/save-alert-rule';
import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { readJsonBody } from '@/lib/http/read-json-body';

/** PUT /api/v1/alerts/rules/<id> (editors and admins) — replaces the rule's definition; its alert states are kept. */
export const PUT = apiHandler<{ id: string }>('editor', async ({ request, params, viewer, prisma }) => ({
  rule: await saveAlertRule(prisma, alertRuleInputSchema.parse(await readJsonBody(request)), viewer, idParamSchema.parse(params.id)),
}));
