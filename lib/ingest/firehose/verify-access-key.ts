import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors';
import { ServiceUnavailableError } from './service-unavailable-error';

/**
 * Requires `X-Amz-Firehose-Access-Key` to equal the configured key, in constant time: both are
 * hashed first so the comparison never depends on (nor reveals) the key's length.
 */
export function verifyAccessKey(received: string | null | undefined, expected: string | undefined): void {
  if (!expected) throw new ServiceUnavailableError('the Firehose endpoint is not configured: set LAMBDASCOPE_FIREHOSE_ACCESS_KEY');
  const matches = timingSafeEqual(digest(received ?? ''), digest(expected));
  if (!received || !matches) throw new AppError('unauthorized', 'X-Amz-Firehose-Access-Key is missing or wrong', 'X-Amz-Firehose-Access-Key');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
