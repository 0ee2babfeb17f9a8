import { resourceNotFound } from '../protocol/aws-error';
import type { EmulatorSettings } from '../emulator-settings';
import type { EventInvokeConfig, FunctionRecord } from '../state/function-records';
import { functionArn } from './function-names';

export function requireEventInvokeConfig(settings: EmulatorSettings, record: FunctionRecord, qualifier: string): EventInvokeConfig {
  const config = record.eventInvokeConfigs[qualifier];
  if (!config) {
    throw resourceNotFound(`The function ${functionArn(settings, record.name, qualifier)} doesn't have an EventInvokeConfig`);
  }
  return config;
}
