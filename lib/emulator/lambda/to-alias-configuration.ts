import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import type { EmulatorSettings } from '../emulator-settings';
import type { AliasRecord } from '../state/function-records';
import { functionArn } from './function-names';

/** An alias as the Lambda API returns it; RoutingConfig only when the alias shifts traffic. */
export function toAliasConfiguration(settings: EmulatorSettings, functionName: string, alias: AliasRecord): AliasConfiguration {
  const routed = Object.keys(alias.additionalVersionWeights).length > 0;
  return {
    AliasArn: functionArn(settings, functionName, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(routed ? { RoutingConfig: { AdditionalVersionWeights: alias.additionalVersionWeights } } : {}),
    RevisionId: alias.revisionId,
  };
}
