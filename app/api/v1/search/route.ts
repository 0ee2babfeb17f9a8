import { apiHandler } from '@/lib/http/api-handler';
import { searchEverything } from '@/lib/metrics/search-everything';

/** GET /api/v1/search?q=… — a request id, an X-Ray trace id, or text in the last day's log lines. */
export const GET = apiHandler('viewer', async ({ query, prisma }) =>
  searchEverything(prisma, { query: query.get('q') ?? '', now: new Date() }),
);
