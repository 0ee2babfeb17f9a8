import { alertingSettingsFrom } from '@/lib/alerts/run-alerting-pass';
import { queueChannelTest } from '@/lib/alerts/queue-channel-test';
import { loadConfig } from '@/lib/config';
import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';

/** POST /api/v1/alerts/channels/<id>/test (editors and admins) — queues a sample alert; the worker sends it and records the outcome. */
export const POST = apiHandler<{ id: string }>('editor', async ({ params, viewer, prisma }) => {
  const queued = await queueChannelTest(prisma, idParamSchema.parse(params.id), { actor: viewer, appUrl: alertingSettingsFrom(loadConfig()).appUrl, now: new Date() });
  return Response.json(queued, { status: 202 });
});
