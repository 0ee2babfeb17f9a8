import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { getFunctionDetail } from '@/lib/metrics/get-function-detail';

/** GET /api/v1/functions/12 — a function's configuration. */
export const GET = apiHandler<{ functionId: string }>('viewer', async ({ params, prisma }) =>
  getFunctionDetail(prisma, idParamSchema.parse(params.functionId)),
);
