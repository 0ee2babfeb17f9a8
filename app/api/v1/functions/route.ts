import { apiHandler } from '@/lib/http/api-handler';
import { getFleetOverview } from '@/lib/metrics/get-fleet-overview';
import { overviewQuerySchema } from '@/lib/metrics/overview-query-schema';
import { parseRangeQuery } from '@/lib/metrics/parse-range-params';

/** GET /api/v1/functions?range=1h&sort=errorRate&dir=desc&filter=api — the overview's data. */
export const GET = apiHandler('viewer', async ({ query, prisma }) => {
  const range = parseRangeQuery(query);
  const table = overviewQuerySchema.parse(Object.fromEntries(query));
  return getFleetOverview(prisma, { range, ...table });
});
