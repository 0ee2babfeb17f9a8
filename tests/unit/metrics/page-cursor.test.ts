import { z } from 'zod';
import { expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { decodePageCursor, encodePageCursor } from '../../../lib/metrics/page-cursor';

const schema = z.tuple([z.number().int(), z.string()]);

test.each([
  { position: [1_700_000_000_123, 'a1b2c3d4-0000-4000-8000-00000000a001'] as [number, string] },
  { position: [0, 'with "quotes", commas, and ünïcode'] as [number, string] },
])('$position survives a round trip as an opaque, URL-safe string', ({ position }) => {
  const cursor = encodePageCursor(position);
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(decodePageCursor(cursor, schema, 'cursor')).toEqual(position);
});

test.each([
  { cursor: '' },
  { cursor: 'not a cursor' },
  { cursor: '!!!' },
  { cursor: Buffer.from('{"a":1}').toString('base64url') },
  { cursor: Buffer.from('[1.5,"x"]').toString('base64url') },
  { cursor: Buffer.from('["1","x"]').toString('base64url') },
  { cursor: Buffer.from('[1,"x",3]').toString('base64url') },
])('$cursor is refused as a validation error on the named field', ({ cursor }) => {
  let caught: unknown;
  try {
    decodePageCursor(cursor, schema, 'cursor');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(caught).toMatchObject({ code: 'validation', field: 'cursor', status: 400 });
});
