import { expect, test } from 'vitest';
import { requirePageLimit } from '../../../lib/metrics/require-page-limit';

test.each([1, 50, 200])('%d is a page size', (limit) => {
  expect(requirePageLimit(limit, 200)).toBe(limit);
});

test.each([0, -1, 201, 1.5, Number.NaN, Infinity])('%d is refused, naming limit', (limit) => {
  expect(() => requirePageLimit(limit, 200)).toThrow(expect.objectContaining({ code: 'validation', field: 'limit' }));
});
