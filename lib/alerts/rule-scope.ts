/** What a rule's scope needs of a function. */
export type ScopedFunction = { id: number; name: string; tags: Readonly<Record<string, string>> };

export type RuleScope =
  | { scope: 'function'; functionId: number }
  | { scope: 'pattern'; pattern: string }
  | { scope: 'tag'; tagKey: string; tagValue: string | null }
  | { scope: 'all' };

/** A stored rule's scope columns as functionsInScope takes them. Pure. */
export function ruleScopeOf(rule: { scope: string; functionId: number | null; pattern: string | null; tagKey: string | null; tagValue: string | null }): RuleScope {
  switch (rule.scope) {
    case 'function':
      return { scope: 'function', functionId: rule.functionId ?? -1 };
    case 'pattern':
      return { scope: 'pattern', pattern: rule.pattern ?? '' };
    case 'tag':
      return { scope: 'tag', tagKey: rule.tagKey ?? '', tagValue: rule.tagValue };
    default:
      return { scope: 'all' };
  }
}

/**
 * The functions a rule watches: one, those whose name matches a glob (`*` any run of characters,
 * `?` one; case-sensitive, as Lambda names are), those with a tag (and value, if given), or all. Pure.
 */
export function functionsInScope<T extends ScopedFunction>(rule: RuleScope, functions: readonly T[]): T[] {
  switch (rule.scope) {
    case 'function':
      return functions.filter((fn) => fn.id === rule.functionId);
    case 'pattern': {
      const matcher = globToRegExp(rule.pattern);
      return functions.filter((fn) => matcher.test(fn.name));
    }
    case 'tag':
      return functions.filter((fn) => Object.hasOwn(fn.tags, rule.tagKey) && (rule.tagValue === null || fn.tags[rule.tagKey] === rule.tagValue));
    case 'all':
      return [...functions];
  }
}

export function globToRegExp(glob: string): RegExp {
  const source = [...glob].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}
