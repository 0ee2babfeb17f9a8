import { AwsError } from '../protocol/aws-error';

type FormTree = { [member: string]: FormTree | string };

// Form keys become object keys; these would reach Object.prototype instead.
const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const MEMBER_INDEX = /^[1-9]\d*$/;

/**
 * Decodes an awsQuery form body into the nested input it stands for:
 * `MetricDataQueries.member.1.MetricStat.Period=60` → `{ MetricDataQueries: [{ MetricStat: { Period: '60' } }] }`.
 * Lists (`.member.N`, 1-based) come back in index order; every scalar stays text, for the caller
 * to type from its model. `Action` and `Version` are returned like any other member.
 */
export function decodeQueryForm(body: string): Record<string, unknown> {
  const root: FormTree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const segments = key.split('.');
    if (segments.some((segment) => segment === '' || UNSAFE_SEGMENTS.has(segment))) {
      throw malformed(`The form parameter ${key} is not a valid member name.`);
    }
    insert(root, segments, value, key);
  }
  return finalize(root) as Record<string, unknown>;
}

function insert(root: FormTree, segments: string[], value: string, key: string): void {
  let node = root;
  for (const [position, segment] of segments.entries()) {
    const existing = node[segment];
    if (position === segments.length - 1) {
      if (typeof existing === 'object') throw malformed(`The form parameter ${key} is both a value and a structure.`);
      node[segment] = value;
      return;
    }
    if (typeof existing === 'string') throw malformed(`The form parameter ${key} is both a value and a structure.`);
    node = existing ?? (node[segment] = {});
  }
}

function finalize(node: FormTree | string): unknown {
  if (typeof node === 'string') return node;
  const names = Object.keys(node);
  const members = node.member;
  if (names.length === 1 && typeof members === 'object' && Object.keys(members).every((index) => MEMBER_INDEX.test(index))) {
    return Object.entries(members)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, member]) => finalize(member));
  }
  return Object.fromEntries(names.map((name) => [name, finalize(node[name] as FormTree | string)]));
}

function malformed(message: string): AwsError {
  return new AwsError('MalformedQueryString', message, { status: 400 });
}
