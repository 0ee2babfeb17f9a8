import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names a receiver reads: the signature, and the delivery id to drop a retried duplicate by. */
export const SIGNATURE_HEADER = 'x-lambdascope-signature';
export const DELIVERY_HEADER = 'x-lambdascope-delivery';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body,
 * so a receiver can refuse a replay older than a few minutes. Pure.
 */
export function signWebhook(body: string, secret: string, timestampSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}

/** What a receiver does (and our tests): the signature must match and be at most `toleranceSeconds` old. */
export function verifyWebhookSignature(body: string, header: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(body, secret, timestamp).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2] as string, 'hex'));
}
