import { AppError } from '../../errors';

/**
 * A request's body, read chunk by chunk and abandoned past `maxBytes`: a 400 that says so, never a
 * 413 (Firehose drops a delivery answered 413 instead of retrying it).
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError('validation', `body: larger than ${maxBytes / 2 ** 20} MiB; lower the delivery stream's buffer size`, 'body');
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
