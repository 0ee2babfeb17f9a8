import { alertRuleInputSchema } from '@/lib/alerts/alert-rule-input';
import { listAlertRules } from '@/lib/alerts/list-alerting';
import { saveAlertRule } from '@/lib/alerts/save-alert-rule';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

/** GET /api/v1/alerts/rules — every rule, its channels, and its pending and firing counts. */
export const GET = apiHandler('viewer', async ({ prisma }) => ({ rules: await listAlertRules(prisma) }));

/** POST /api/v1/alerts/rules (editors and admins) — a rule (README: Alerting); 201 with its id, or an error naming the field. */
export const POST = apiHandler('editor', async ({ request, viewer, prisma }) => {
  const rule = await saveAlertRule(prisma, alertRuleInputSchema.parse(await readJsonBody(request)), viewer);
  return Response.json({ rule }, { status: 201 });
});
