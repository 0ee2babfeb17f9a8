import Link from 'next/link';

type ScopedRule = { scope: string; functionId: number | null; pattern: string | null; tagKey: string | null; tagValue: string | null };

/** What a rule watches, in words: a function (linked), a name pattern, a tag (and value), or all functions. */
export function AlertRuleScope({ rule, functionName }: { rule: ScopedRule; functionName: string | null }) {
  switch (rule.scope) {
    case 'function':
      return rule.functionId !== null && functionName !== null ? <Link href={`/functions/${rule.functionId}`}>{functionName}</Link> : <span className="muted">a deleted function</span>;
    case 'pattern':
      return (
        <>
          functions matching <span className="mono">{rule.pattern}</span>
        </>
      );
    case 'tag':
      return (
        <>
          functions tagged{' '}
          <span className="mono">
            {rule.tagKey}
            {rule.tagValue === null ? '' : `=${rule.tagValue}`}
          </span>
          {rule.tagValue === null ? ' (any value)' : ''}
        </>
      );
    default:
      return <>all functions</>;
  }
}
