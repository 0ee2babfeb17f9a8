import { allowOutboundHost, outboundHostInputSchema } from '@/lib/alerts/outbound-host-allowances';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';

/** GET /api/v1/alerts/allowed-hosts — hosts alert channels may reach although they are not public. */
export const GET = apiHandler('viewer', async ({ prisma }) => ({ hosts: await prisma.outboundHostAllowance.findMany({ orderBy: { host: 'asc' } }) }));

/** POST /api/v1/alerts/allowed-hosts (admins) — `{ host, reason }`. */
export const POST = apiHandler('admin', async ({ request, viewer, prisma }) => {
  await allowOutboundHost(prisma, outboundHostInputSchema.parse(await readJsonBody(request)), viewer);
  return new Response(null, { status: 204 });
});
