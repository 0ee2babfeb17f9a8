import { resourceNotFound } from '../protocol/aws-error';
import type { EmulatorSettings } from '../emulator-settings';
import type { AliasRecord, FunctionRecord } from '../state/function-records';
import { functionArn } from './function-names';

export function requireAlias(settings: EmulatorSettings, record: FunctionRecord, name: string): AliasRecord {
  const alias = record.aliases[name];
  if (!alias) throw resourceNotFound(`Cannot find alias arn: ${functionArn(settings, record.name, name)}`);
  return alias;
}
