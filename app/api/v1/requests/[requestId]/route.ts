import { z } from 'zod';
import { apiHandler } from '@/lib/http/api-handler';
import { getRequestInvestigation } from '@/lib/metrics/get-request-investigation';

/** GET /api/v1/requests/<requestId> — every attempt of a request, per function, with gaps, errors and log lines. */
export const GET = apiHandler<{ requestId: string }>('viewer', async ({ params, prisma }) =>
  getRequestInvestigation(prisma, z.string().trim().min(1).max(256).parse(decodeURIComponent(params.requestId))),
);
