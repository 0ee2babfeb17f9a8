import { replaceValues } from './replace-values';

export type PlatformField = {
  key: string;
  /** `<f>`, `<n>`, `<id>`, `<runtime>`, `<arn>`… for values, `<word>` for enum-like words (`timeout`, `Runtime.ExitError`). */
  value: string;
  unit: 'ms' | 'MB' | null;
  /** The whitespace before `Key:` (`\t`, ` `, ` \t`, or `\n` in a pasted copy split one field per line). */
  separator: string;
};

export type PlatformFields = { keyword: string; fields: PlatformField[]; trailing: string };

const fieldPattern = /^([ \t\n]+)([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*): (\S+?)(?: (ms|MB))?(?=[ \t\n]|$)/;

/**
 * A platform line read token by token: `KEYWORD` then `Key: value [unit]` fields with the
 * whitespace between them. Only the first physical line counts for REPORT: the X-Ray line that may
 * follow in the same event is a line type of its own (FORMATS.md §1.4).
 */
export function parsePlatformFields(message: string): PlatformFields | null {
  const keyword = /^[A-Z_]+/.exec(message)?.[0];
  if (!keyword) return null;
  let rest = message.slice(keyword.length).split('\nXRAY ')[0] ?? '';
  const fields: PlatformField[] = [];
  for (let match = fieldPattern.exec(rest); match; match = fieldPattern.exec(rest)) {
    const [whole, separator = '', key = '', value = '', unit] = match;
    fields.push({ key, value: valueShape(value), unit: unit === 'ms' || unit === 'MB' ? unit : null, separator });
    rest = rest.slice(whole.length);
  }
  return { keyword, fields, trailing: rest };
}

function valueShape(value: string): string {
  const replaced = replaceValues(value);
  if (/^<[a-z]+>$/.test(replaced)) return replaced;
  return /^[A-Za-z$][\w.$-]*$/.test(value) ? '<word>' : replaced;
}
