import { expect, test } from 'vitest';
import { verifyAccessKey } from '../../../lib/ingest/firehose/verify-access-key';

const key = 'correct horse battery staple';

const cases: Array<[string, string | null, string | undefined, number | null]> = [
  ['the configured key', key, key, null],
  ['a wrong key of the same length', key.replace('c', 'C'), key, 401],
  ['a prefix of the key', key.slice(0, 8), key, 401],
  ['the key and more', `${key}!`, key, 401],
  ['no header', null, key, 401],
  ['an empty header', '', key, 401],
  ['no key configured', key, undefined, 503],
  ['no key configured, no header', null, undefined, 503],
];

test.each(cases)('%s', (_name, received, expected, status) => {
  if (status === null) {
    expect(() => verifyAccessKey(received, expected)).not.toThrow();
    return;
  }
  expect(() => verifyAccessKey(received, expected)).toThrow(expect.objectContaining({ status }) as Error);
});

test('an unset key says which variable to set', () => {
  expect(() => verifyAccessKey(key, undefined)).toThrow('LAMBDASCOPE_FIREHOSE_ACCESS_KEY');
});
