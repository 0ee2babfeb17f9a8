import { invalidParameterValue } from '../protocol/aws-error';
import type { EmulatorSettings } from '../emulator-settings';
import type { FunctionRecord } from '../state/function-records';
import { requireFunctionVersion } from './require-function-version';

/**
 * AWS's rules for an alias's RoutingConfig: one extra published version at most, not the primary one,
 * and no $LATEST on either side (traffic shifting is between immutable versions).
 */
export function requireValidRouting(
  settings: EmulatorSettings,
  record: FunctionRecord,
  primaryVersion: string,
  weights: Record<string, number>,
): Record<string, number> {
  const versions = Object.keys(weights);
  if (versions.length === 0) return {};
  if (versions.length > 1) {
    throw invalidParameterValue('Number of items in AdditionalVersionWeights cannot be greater than 1');
  }
  if (primaryVersion === '$LATEST') {
    throw invalidParameterValue('$LATEST is not supported for an alias pointing to more than 1 version');
  }
  for (const version of versions) {
    if (version === primaryVersion) {
      throw invalidParameterValue(
        `Invalid function version ${primaryVersion}. Function version ${primaryVersion} is already included in routing configuration.`,
      );
    }
    requireFunctionVersion(settings, record, version);
  }
  return weights;
}
