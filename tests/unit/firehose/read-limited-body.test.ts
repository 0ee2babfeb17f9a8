import { expect, test } from 'vitest';
import { readLimitedBody } from '../../../lib/ingest/firehose/read-limited-body';

/** A streamed body (no Content-Length), in chunks of `chunk` bytes. */
function streamed(size: number, chunk: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const length = Math.min(chunk, size - sent);
      sent += length;
      controller.enqueue(new Uint8Array(length).fill(0x61));
    },
  });
  return new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

test.each([
  ['a body within the limit', () => new Request('http://localhost/', { method: 'POST', body: 'x'.repeat(1000) }), 1000],
  ['a streamed body within the limit', () => streamed(1024, 100), 1024],
  ['no body', () => new Request('http://localhost/', { method: 'POST' }), 0],
])('%s is read whole', async (_name, request, size) => {
  expect((await readLimitedBody(request(), 1024)).byteLength).toBe(size);
});

test.each([
  ['a declared Content-Length over the limit, before reading', () => new Request('http://localhost/', { method: 'POST', body: 'x', headers: { 'content-length': String(2 ** 20 + 1) } })],
  ['a streamed body over the limit, stopped early', () => streamed(64 * 2 ** 20, 64 * 1024)],
])('%s is refused with 400, never 413', async (_name, request) => {
  await expect(readLimitedBody(request(), 2 ** 20)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('larger than 1 MiB') as string });
});
