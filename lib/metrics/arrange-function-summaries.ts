import type { FunctionSummary } from './list-function-summaries';

export const OVERVIEW_SORTS = ['name', 'invocations', 'errorRate', 'throttles', 'coldStartRate', 'p95', 'retries', 'cost'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** Filters summaries by function or source name and sorts them as the overview's URL asks; ties by name. */
export function arrangeFunctionSummaries(functions: FunctionSummary[], options: { sort: OverviewSort; direction: 'asc' | 'desc'; filter: string }): FunctionSummary[] {
  const needle = options.filter.trim().toLowerCase();
  const kept = needle === '' ? functions : functions.filter((summary) => `${summary.function.name} ${summary.source.name}`.toLowerCase().includes(needle));
  const value = (summary: FunctionSummary): number | string => {
    switch (options.sort) {
      case 'name':
        return summary.function.name;
      case 'p95':
        return summary.durationMs.p95 ?? -1;
      case 'cost':
        return summary.cost.totalUsd;
      case 'errorRate':
        return summary.errorRate ?? -1;
      case 'coldStartRate':
        return summary.coldStartRate ?? -1;
      default:
        return summary[options.sort];
    }
  };
  const sign = options.direction === 'asc' ? 1 : -1;
  return [...kept].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const order = typeof left === 'string' && typeof right === 'string' ? left.localeCompare(right) : Number(left) - Number(right);
    return sign * order || a.function.name.localeCompare(b.function.name);
  });
}
