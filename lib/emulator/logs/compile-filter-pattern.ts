/**
 * CloudWatch Logs' filter pattern syntax for unstructured text, compiled once per request:
 *
 *   ""                    every event
 *   ERROR Exception       both terms (case-sensitive substrings)
 *   "Task failed"         an exact phrase; quotes also allow spaces and punctuation (\" escapes a quote)
 *   ERROR -Retrying       ERROR but not Retrying (also -"a phrase")
 *   ?ERROR ?WARN          any of the ?-terms; combined with plain terms, those must all match too
 *   %ERR(OR)?: \d+%       a regular expression
 *
 * JSON (`{ $.level = … }`) and space-delimited (`[ip, user, …]`) patterns are not supported and
 * come back as invalid with a reason, which the API reports as InvalidParameterException.
 */
export type FilterPatternMatcher = (message: string) => boolean;

export type CompiledFilterPattern = { valid: true; matches: FilterPatternMatcher } | { valid: false; reason: string };

type Term = { kind: 'required' | 'excluded' | 'optional'; test: FilterPatternMatcher };

export function compileFilterPattern(pattern: string): CompiledFilterPattern {
  const trimmed = pattern.trim();
  if (trimmed === '' || trimmed === '""') return { valid: true, matches: () => true };
  if (trimmed.startsWith('{')) {
    return unsupported('JSON filter patterns ({ $.field … }) are not supported by this emulator');
  }
  if (trimmed.startsWith('[')) {
    return unsupported('Space-delimited filter patterns ([a, b, …]) are not supported by this emulator');
  }
  const terms: Term[] = [];
  let index = 0;
  while (index < trimmed.length) {
    if (/\s/.test(trimmed.charAt(index))) {
      index += 1;
      continue;
    }
    const prefix = trimmed.charAt(index);
    const kind = prefix === '-' ? 'excluded' : prefix === '?' ? 'optional' : 'required';
    if (kind !== 'required') index += 1;
    const term = readTerm(trimmed, index);
    if ('reason' in term) return { valid: false, reason: term.reason };
    terms.push({ kind, test: term.test });
    index = term.end;
  }
  return { valid: true, matches: combine(terms) };
}

type ReadTerm = { test: FilterPatternMatcher; end: number } | { reason: string };

function readTerm(pattern: string, start: number): ReadTerm {
  const first = pattern.charAt(start);
  if (first === '"') return readQuoted(pattern, start);
  if (first === '%') return readRegex(pattern, start);
  let end = start;
  while (end < pattern.length && !/\s/.test(pattern.charAt(end))) end += 1;
  const text = pattern.slice(start, end);
  if (text === '') return { reason: `Invalid filter pattern: '${pattern.charAt(start - 1)}' must be followed by a term` };
  if (text.includes('"')) return { reason: `Invalid filter pattern: unexpected quote in term ${text}` };
  return { test: (message) => message.includes(text), end };
}

function readQuoted(pattern: string, start: number): ReadTerm {
  let text = '';
  let index = start + 1;
  while (index < pattern.length) {
    const char = pattern.charAt(index);
    if (char === '\\' && index + 1 < pattern.length) {
      text += pattern.charAt(index + 1);
      index += 2;
    } else if (char === '"') {
      return afterTerm(pattern, index + 1, (message) => message.includes(text));
    } else {
      text += char;
      index += 1;
    }
  }
  return { reason: 'Invalid filter pattern: unterminated quoted term' };
}

function readRegex(pattern: string, start: number): ReadTerm {
  const close = pattern.indexOf('%', start + 1);
  if (close === -1) return { reason: 'Invalid filter pattern: a regular expression must be enclosed in %' };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern.slice(start + 1, close));
  } catch {
    return { reason: `Invalid filter pattern: bad regular expression ${pattern.slice(start, close + 1)}` };
  }
  return afterTerm(pattern, close + 1, (message) => regex.test(message));
}

function afterTerm(pattern: string, end: number, test: FilterPatternMatcher): ReadTerm {
  if (end < pattern.length && !/\s/.test(pattern.charAt(end))) {
    return { reason: `Invalid filter pattern: expected a space after the term ending at character ${end}` };
  }
  return { test, end };
}

function combine(terms: Term[]): FilterPatternMatcher {
  const required = terms.filter((term) => term.kind === 'required').map((term) => term.test);
  const excluded = terms.filter((term) => term.kind === 'excluded').map((term) => term.test);
  const optional = terms.filter((term) => term.kind === 'optional').map((term) => term.test);
  return (message) =>
    required.every((test) => test(message)) &&
    !excluded.some((test) => test(message)) &&
    (optional.length === 0 || optional.some((test) => test(message)));
}

function unsupported(reason: string): CompiledFilterPattern {
  return { valid: false, reason };
}
