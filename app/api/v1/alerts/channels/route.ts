import { alertChannelInputSchema } from '@/lib/alerts/alert-channel-input';
import { createAlertChannel } from '@/lib/alerts/create-alert-channel';
import { listAlertChannels } from '@/lib/alerts/list-alerting';
import { loadConfig } from '@/lib/config';
import { getSecretBoxKey } from '@/lib/crypto/get-secret-box-key';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

/** GET /api/v1/alerts/channels — channels with their settings; secrets never leave the server. */
export const GET = apiHandler('viewer', async ({ prisma }) => ({ channels: await listAlertChannels(prisma) }));

/**
 * POST /api/v1/alerts/channels (editors and admins) — `{ kind: 'slack' | 'webhook' | 'email', name, settings, secret? }`:
 * the target is checked against SSRF rules first; 201 with its id, or an error naming the field.
 */
export const POST = apiHandler('editor', async ({ request, viewer, prisma }) => {
  const channel = await createAlertChannel(prisma, alertChannelInputSchema.parse(await readJsonBody(request)), { actor: viewer, secretKey: getSecretBoxKey(loadConfig()) });
  return Response.json({ channel }, { status: 201 });
});
