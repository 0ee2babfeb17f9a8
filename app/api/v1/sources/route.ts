import { createSource } from '@/lib/ingest/create-source';
import { sourceInputSchema } from '@/lib/ingest/source-input-schema';
import { apiHandler } from '@/lib/http/api-handler';
import { readJsonBody } from '@/lib/http/read-json-body';
import { listSourceHealth } from '@/lib/metrics/list-source-health';

/** GET /api/v1/sources — every source with its ingest lag, failures and backfill progress. */
export const GET = apiHandler('viewer', async ({ prisma }) => ({ sources: await listSourceHealth(prisma, { now: Date.now() }) }));

/**
 * POST /api/v1/sources — `{ kind: 'emulator', name, endpoint }` or `{ kind: 'aws', name, region, profile?, roleArn?, endpoint? }`
 * (editors and admins): the connection is tested first; 201 with the source, or an error naming the field.
 */
export const POST = apiHandler('editor', async ({ request, viewer, prisma }) => {
  const source = await createSource(prisma, sourceInputSchema.parse(await readJsonBody(request)), viewer);
  return Response.json({ source }, { status: 201 });
});
