import { expect, test } from 'vitest';
import { splitJsonDocuments } from '../../../lib/ingest/firehose/split-json-documents';

const cases: Array<[string, string, string[] | string]> = [
  ['empty', '', []],
  ['whitespace only', ' \n\r\t', []],
  ['one object, trailing newline', '{"a":1}\n', ['{"a":1}']],
  ['newline-joined', '{"a":1}\n{"b":2}', ['{"a":1}', '{"b":2}']],
  ['CRLF-joined', '{"a":1}\r\n{"b":2}\r\n', ['{"a":1}', '{"b":2}']],
  ['back to back', '{"a":1}{"b":{"c":[]}}', ['{"a":1}', '{"b":{"c":[]}}']],
  ['braces and escaped quotes inside strings', '{"m":"} {\\"x\\": \\\\"}{"n":"{"}', ['{"m":"} {\\"x\\": \\\\"}', '{"n":"{"}']],
  ['not an object', 'hello', 'expected a JSON object at offset 0, found "hello"'],
  ['garbage after an object', '{"a":1}\nx', 'expected a JSON object at offset 8'],
  ['an array', '[{"a":1}]', 'expected a JSON object at offset 0'],
  ['truncated', '{"a":{"b":1}', 'the JSON object at offset 0 is not closed'],
  ['truncated inside a string', '{"a":"}', 'the JSON object at offset 0 is not closed'],
];

test.each(cases)('%s', (_name, text, expected) => {
  if (typeof expected === 'string') expect(() => splitJsonDocuments(text)).toThrow(expected);
  else expect(splitJsonDocuments(text)).toEqual(expected);
});
