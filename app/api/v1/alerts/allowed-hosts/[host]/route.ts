import { z } from 'zod';
import { revokeOutboundHost } from '@/lib/alerts/outbound-host-allowances';
import { apiHandler } from '@/lib/http/api-handler';

/** DELETE /api/v1/alerts/allowed-hosts/<host> (admins) — channels must reach that host over a public address again. */
export const DELETE = apiHandler<{ host: string }>('admin', async ({ params, viewer, prisma }) => {
  await revokeOutboundHost(prisma, z.string().trim().min(1).max(253).parse(decodeURIComponent(params.host)), viewer);
  return new Response(null, { status: 204 });
});
