import { expect, test } from 'vitest';
import { toContainsPattern } from '../../../lib/metrics/to-contains-pattern';

test.each([
  { text: 'timeout', pattern: '%timeout%' },
  { text: '100%', pattern: '%100\\%%' },
  { text: 'user_id', pattern: '%user\\_id%' },
  { text: 'C:\\temp', pattern: '%C:\\\\temp%' },
  { text: '%_\\', pattern: '%\\%\\_\\\\%' },
  { text: '', pattern: '%%' },
])('$text → $pattern', ({ text, pattern }) => {
  expect(toContainsPattern(text)).toBe(pattern);
});
