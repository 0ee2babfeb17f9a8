import { z } from 'zod';
import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { listLogLines, MAX_TAIL_LINES } from '@/lib/metrics/list-log-lines';

const tailQuerySchema = z.object({ after: z.string().max(1000).optional(), limit: z.coerce.number().int().min(1).max(MAX_TAIL_LINES).default(200) });

/** GET /api/v1/functions/12/logs?after=<cursor>&limit=200 — the live tail: lines newer than the cursor, oldest first. */
export const GET = apiHandler<{ functionId: string }>('viewer', async ({ params, query, prisma }) => {
  const functionId = idParamSchema.parse(params.functionId);
  const { after, limit } = tailQuerySchema.parse(Object.fromEntries(query));
  return listLogLines(prisma, { functionId, limit, ...(after ? { after } : {}) });
});
