import { resourceNotFound } from '../protocol/aws-error';
import type { EmulatorSettings } from '../emulator-settings';
import type { FunctionRecord } from '../state/function-records';
import { functionArn } from './function-names';

/** An alias may only point at $LATEST or a published version that exists. */
export function requireFunctionVersion(settings: EmulatorSettings, record: FunctionRecord, version: string): void {
  if (version === '$LATEST' || record.versions[version]) return;
  throw resourceNotFound(`Function not found: ${functionArn(settings, record.name, version)}`);
}
