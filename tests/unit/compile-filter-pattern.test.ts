import { describe, expect, test } from 'vitest';
import { compileFilterPattern } from '@/lib/emulator/logs/compile-filter-pattern';

// Semantics from "Filter pattern syntax for metric filters, subscription filters, filter log
// events and Live Tail" (CloudWatch Logs User Guide): terms are case-sensitive, all must match,
// quotes make a phrase, - excludes, ? matches any, %…% is a regular expression.
const matching: Array<[pattern: string, message: string, expected: boolean]> = [
  ['', 'anything at all', true],
  ['   ', 'anything at all', true],
  ['""', 'anything at all', true],
  ['ERROR', '[ERROR] disk full', true],
  ['ERROR', 'error: disk full', false],
  ['ERROR', 'NO_ERRORS_HERE', true],
  ['ERROR disk', '[ERROR] disk full', true],
  ['ERROR memory', '[ERROR] disk full', false],
  ['"disk full"', '[ERROR] disk full', true],
  ['"full disk"', '[ERROR] disk full', false],
  ['"a \\"quoted\\" word"', 'say a "quoted" word', true],
  ['-DEBUG', 'INFO started', true],
  ['-DEBUG', 'DEBUG details', false],
  ['ERROR -Retrying', 'ERROR timeout', true],
  ['ERROR -Retrying', 'ERROR timeout. Retrying', false],
  ['ERROR -"will retry"', 'ERROR timeout, will retry', false],
  ['?ERROR ?WARN', 'WARN low memory', true],
  ['?ERROR ?WARN', 'INFO started', false],
  ['?ERROR ?WARN', 'ERROR crashed', true],
  ['?ERROR ?WARN memory', 'WARN low memory', true],
  ['?ERROR ?WARN memory', 'WARN slow disk', false],
  ['%ERR(OR)?: [0-9]+%', 'ERR: 42 happened', true],
  ['%ERR(OR)?: [0-9]+%', 'ERROR: none', false],
  ['REPORT %Duration: [0-9.]+ ms%', 'REPORT RequestId: x Duration: 12.5 ms', true],
  ['"RequestId:" -START', 'END RequestId: abc', true],
  ['"RequestId:" -START', 'START RequestId: abc', false],
];

const invalid: Array<[pattern: string, reason: RegExp]> = [
  ['{ $.level = "error" }', /JSON filter patterns/],
  ['[ip, user, ...]', /Space-delimited filter patterns/],
  ['"unterminated', /unterminated quoted term/],
  ['%unterminated', /enclosed in %/],
  ['%(%', /bad regular expression/],
  ['ERROR -', /must be followed by a term/],
  ['? WARN', /must be followed by a term/],
  ['"phrase"glued', /expected a space/],
  ['half"quote', /unexpected quote/],
];

describe('compileFilterPattern', () => {
  test.each(matching)('%j against %j matches: %s', (pattern, message, expected) => {
    const compiled = compileFilterPattern(pattern);
    if (!compiled.valid) throw new Error(`expected ${pattern} to compile: ${compiled.reason}`);
    expect(compiled.matches(message)).toBe(expected);
  });

  test.each(invalid)('%j is refused', (pattern, reason) => {
    const compiled = compileFilterPattern(pattern);
    expect(compiled.valid).toBe(false);
    if (!compiled.valid) expect(compiled.reason).toMatch(reason);
  });
});
