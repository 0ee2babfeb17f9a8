import { apiHandler } from '@/lib/http/api-handler';
import { idParamSchema } from '@/lib/http/id-param-schema';
import { invocationQuerySchema } from '@/lib/metrics/invocation-query-schema';
import { listFunctionInvocations } from '@/lib/metrics/list-function-invocations';
import { parseRangeQuery } from '@/lib/metrics/parse-range-params';

/** GET /api/v1/functions/12/invocations?range=1h&status=failed&coldStart=true&retried=true&version=3&cursor=…&limit=50 */
export const GET = apiHandler<{ functionId: string }>('viewer', async ({ params, query, prisma }) => {
  const functionId = idParamSchema.parse(params.functionId);
  const range = parseRangeQuery(query);
  return listFunctionInvocations(prisma, { functionId, range, ...invocationQuerySchema.parse(Object.fromEntries(query)) });
});
