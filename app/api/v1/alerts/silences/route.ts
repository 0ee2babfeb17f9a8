import { createSilence, silenceInputSchema } from '@/lib/alerts/create-silence';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

/** GET /api/v1/alerts/silences — the silences in force or to come. */
export const GET = apiHandler('viewer', async ({ prisma }) => ({
  silences: await prisma.silence.findMany({ where: { endsAt: { gt: new Date() } }, orderBy: { endsAt: 'asc' } }),
}));

/** POST /api/v1/alerts/silences (editors and admins) — `{ ruleId?, functionId?, startsAt?, endsAt, reason }`. */
export const POST = apiHandler('editor', async ({ request, viewer, prisma }) => {
  const silence = await createSilence(prisma, silenceInputSchema.parse(await readJsonBody(request)), { actor: viewer, now: new Date() });
  return Response.json({ silence }, { status: 201 });
});
