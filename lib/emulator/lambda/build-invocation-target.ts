import type { InvocationTarget } from '../scheduler/scheduler';
import type { FunctionRecord } from '../state/function-records';
import type { EmulatorSettings } from '../emulator-settings';
import { functionArn, resolveQualifier } from './function-names';

/**
 * What an invoke of `qualifier` runs. An alias with RoutingConfig sends each extra version its weight
 * of the traffic, drawn per invoke, as Lambda does.
 */
export function buildInvocationTarget(
  settings: EmulatorSettings,
  record: FunctionRecord,
  qualifier: string | undefined,
  random: () => number = Math.random,
): InvocationTarget {
  let { config } = resolveQualifier(settings, record, qualifier);
  const alias = qualifier === undefined ? undefined : record.aliases[qualifier];
  if (alias) {
    let draw = random();
    for (const [version, weight] of Object.entries(alias.additionalVersionWeights)) {
      const candidate = record.versions[version];
      if (candidate && draw < weight) {
        config = candidate;
        break;
      }
      draw -= weight;
    }
  }
  return { record, config, qualifier, invokedFunctionArn: functionArn(settings, record.name, qualifier) };
}
