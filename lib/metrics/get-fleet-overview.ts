import type { PrismaClient } from '../db/create-prisma-client';
import { arrangeFunctionSummaries, type OverviewSort } from './arrange-function-summaries';
import { listFunctionSparklines, type Sparkline } from './list-function-sparklines';
import { listFunctionSummaries, type FunctionSummary } from './list-function-summaries';
import { listSourceHealth, type SourceHealth } from './list-source-health';
import type { TimeRange } from './parse-time-range';

export const SPARKLINE_POINTS = 24;

export type FleetOverview = {
  since: Date;
  until: Date;
  functions: Array<FunctionSummary & { sparkline: Sparkline }>;
  sources: SourceHealth[];
};

/** What the overview shows: every function's health over the range, sorted and filtered, with sparklines; every source's health. */
export async function getFleetOverview(
  prisma: PrismaClient,
  options: { range: TimeRange; sort: OverviewSort; dir: 'asc' | 'desc'; filter: string },
): Promise<FleetOverview> {
  const [summaries, sparklines, sources] = await Promise.all([
    listFunctionSummaries(prisma, { since: options.range.since, until: options.range.until }),
    listFunctionSparklines(prisma, { range: options.range, points: SPARKLINE_POINTS }),
    listSourceHealth(prisma, { now: options.range.until.getTime() }),
  ]);
  const flat: Sparkline = { invocations: new Array<number>(SPARKLINE_POINTS).fill(0), errors: new Array<number>(SPARKLINE_POINTS).fill(0) };
  const functions = arrangeFunctionSummaries(summaries.functions, { sort: options.sort, direction: options.dir, filter: options.filter });
  return {
    since: summaries.since,
    until: summaries.until,
    functions: functions.map((summary) => ({ ...summary, sparkline: sparklines.get(summary.function.id) ?? flat })),
    sources,
  };
}
