import { expect, test } from 'vitest';
import { functionsInScope, type ScopedFunction } from '../../../lib/alerts/rule-scope';

const fleet: ScopedFunction[] = [
  { id: 1, name: 'orders-api', tags: { team: 'payments', env: 'prod' } },
  { id: 2, name: 'orders-worker', tags: { team: 'payments', env: 'staging' } },
  { id: 3, name: 'Orders-legacy', tags: {} },
  { id: 4, name: 'search.v2', tags: { team: 'discovery' } },
];
const ids = (functions: ReadonlyArray<{ id: number }>) => functions.map((fn) => fn.id);

test.each([
  { scope: { scope: 'function', functionId: 2 } as const, expected: [2] },
  { scope: { scope: 'pattern', pattern: 'orders-*' } as const, expected: [1, 2] },
  { scope: { scope: 'pattern', pattern: 'search.v?' } as const, expected: [4] },
  // A dot is a dot, not any character.
  { scope: { scope: 'pattern', pattern: 'search?v2' } as const, expected: [4] },
  { scope: { scope: 'pattern', pattern: 'search.*' } as const, expected: [4] },
  { scope: { scope: 'pattern', pattern: 'searchXv2' } as const, expected: [] },
  { scope: { scope: 'tag', tagKey: 'team', tagValue: 'payments' } as const, expected: [1, 2] },
  { scope: { scope: 'tag', tagKey: 'team', tagValue: null } as const, expected: [1, 2, 4] },
  { scope: { scope: 'tag', tagKey: 'env', tagValue: 'prod' } as const, expected: [1] },
  { scope: { scope: 'all' } as const, expected: [1, 2, 3, 4] },
])('$scope.scope $scope: $expected', ({ scope, expected }) => {
  expect(ids(functionsInScope(scope, fleet))).toEqual(expected);
});
