import { loadConfig } from '@/lib/config';
import { decodeFirehoseRequest } from '@/lib/ingest/firehose/decode-firehose-request';
import { firehoseResponse } from '@/lib/ingest/firehose/firehose-response';
import { ingestFirehoseDelivery } from '@/lib/ingest/firehose/ingest-firehose-delivery';
import { openSharedDatabase } from '@/lib/db/open-shared-database';
import { readLimitedBody } from '@/lib/ingest/firehose/read-limited-body';
import { readSourceRegion } from '@/lib/ingest/firehose/read-source-region';
import { verifyAccessKey } from '@/lib/ingest/firehose/verify-access-key';

export const runtime = 'nodejs';

/** Twice Firehose's largest buffer (64 MiB), for base64's third on top. */
const MAX_BODY_BYTES = 128 * 2 ** 20;

/** Kinesis Data Firehose HTTP endpoint delivery of CloudWatch Logs subscription data (FORMATS.md §6.3). */
export async function POST(request: Request): Promise<Response> {
  const headerRequestId = request.headers.get('x-amz-firehose-request-id') ?? '';
  try {
    const config = loadConfig();
    verifyAccessKey(request.headers.get('x-amz-firehose-access-key'), config.LAMBDASCOPE_FIREHOSE_ACCESS_KEY);
    const body = await readLimitedBody(request, MAX_BODY_BYTES);
    const delivery = decodeFirehoseRequest(body, { contentEncoding: request.headers.get('content-encoding') });
    const { prisma } = await openSharedDatabase(config);
    await ingestFirehoseDelivery(prisma, { delivery, region: readSourceRegion(request.headers.get('x-amz-firehose-source-arn')) });
    return firehoseResponse(delivery.requestId);
  } catch (error) {
    return firehoseResponse(headerRequestId, error);
  }
}
