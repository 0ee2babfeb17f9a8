import { describe, expect, test } from 'vitest';
import { toPostgresText } from '../../../lib/store/to-postgres-text';

describe('toPostgresText', () => {
  test('returns ordinary text unchanged, emoji included', () => {
    const text = 'START RequestId: 1 Version: $LATEST — 🚀 ünïcode';
    expect(toPostgresText(text)).toBe(text);
  });

  test('replaces NUL, which PostgreSQL refuses in text', () => {
    expect(toPostgresText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
  });

  test('replaces lone surrogates but keeps pairs', () => {
    expect(toPostgresText('x\uD800y')).toBe('x\uFFFDy');
    expect(toPostgresText('x\uDC00y')).toBe('x\uFFFDy');
    expect(toPostgresText('\uD83D\uDE80\uD800')).toBe('\uD83D\uDE80\uFFFD');
  });
});
