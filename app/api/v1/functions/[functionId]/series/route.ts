import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { getFunctionSeries } from '@/lib/metrics/get-function-series';
import { parseRangeQuery } from '@/lib/metrics/parse-range-params';

/** GET /api/v1/functions/12/series?range=24h — the function page's charts. */
export const GET = apiHandler<{ functionId: string }>('viewer', async ({ params, query, prisma }) => {
  const functionId = idParamSchema.parse(params.functionId);
  const range = parseRangeQuery(query);
  return getFunctionSeries(prisma, { functionId, range });
});
