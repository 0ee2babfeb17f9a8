import { z } from 'zod';
import { acknowledgeAlert } from '@/lib/alerts/acknowledge-alert';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

const acknowledgementSchema = z.object({ ruleId: z.coerce.number().int().positive(), functionId: z.coerce.number().int().positive() }).strict();

/** POST /api/v1/alerts/acknowledgements (editors and admins) — `{ ruleId, functionId }`: stops repeats of a firing alert until it resolves. */
export const POST = apiHandler('editor', async ({ request, viewer, prisma }) => {
  await acknowledgeAlert(prisma, acknowledgementSchema.parse(await readJsonBody(request)), { actor: viewer, now: new Date() });
  return new Response(null, { status: 204 });
});
