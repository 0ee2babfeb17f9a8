import { apiHandler } from '@/lib/http/api-handler';
import { listAlerts } from '@/lib/alerts/list-alerting';

/** GET /api/v1/alerts — what is firing and pending now, the silences in force, and the latest state changes. */
export const GET = apiHandler('viewer', async ({ prisma }) => listAlerts(prisma, { now: new Date() }));
