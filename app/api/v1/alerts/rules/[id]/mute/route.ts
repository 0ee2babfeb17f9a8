import { z } from 'zod';
import { muteAlertRule } from '@/lib/alerts/mute-alert-rule';
import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { readJsonBody } from '@/lib/http/read-json-body';

const muteSchema = z.object({ until: z.coerce.date().nullable() }).strict();

/** POST /api/v1/alerts/rules/<id>/mute (editors and admins) — `{ until: ISO time | null }`: mutes the rule until then, or unmutes it. */
export const POST = apiHandler<{ id: string }>('editor', async ({ request, params, viewer, prisma }) => {
  const { until } = muteSchema.parse(await readJsonBody(request));
  await muteAlertRule(prisma, idParamSchema.parse(params.id), until, viewer);
  return new Response(null, { status: 204 });
});
