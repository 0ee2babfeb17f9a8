/** What a rule's scope needs of a function. */
export type ScopedFunction = { id: number; name: string };

export type RuleScope = { scope: 'function'; functionId: number } | { scope: 'pattern'; pattern: string } | { scope: 'all' };

/**
 * The functions a rule watches: one, those whose name matches a glob (`*` any run of characters,
 * `?` one; case-sensitive, as Lambda names are), or all. Pure.
 */
export function functionsInScope<T extends ScopedFunction>(rule: RuleScope, functions: readonly T[]): T[] {
  switch (rule.scope) {
    case 'function':
      return functions.filter((fn) => fn.id === rule.functionId);
    case 'pattern': {
      const matcher = globToRegExp(rule.pattern);
      return functions.filter((fn) => matcher.test(fn.name));
    }
    case 'all':
      return [...functions];
  }
}

export function globToRegExp(glob: string): RegExp {
  const source = [...glob].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}
