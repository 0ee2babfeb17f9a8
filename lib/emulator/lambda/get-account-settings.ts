import type { GetAccountSettingsCommandOutput } from '@aws-sdk/client-lambda';
import type { EmulatorResponse } from '../protocol/http-types';
import type { LambdaContext } from './lambda-context';

/** AWS's default storage quota for all functions' code (75 GB) and per-package limits. */
const TOTAL_CODE_SIZE_LIMIT = 80_530_636_800;
const CODE_SIZE_UNZIPPED_LIMIT = 262_144_000;
const CODE_SIZE_ZIPPED_LIMIT = 52_428_800;

/** GetAccountSettings: GET /2016-08-19/account-settings/ */
export async function getAccountSettings(context: LambdaContext): Promise<EmulatorResponse> {
  const functions = context.registry.list();
  // Versions sharing a package are stored once, so each distinct package counts once.
  const packages = new Map<string, number>();
  for (const record of functions) {
    for (const config of [record.latest, ...Object.values(record.versions)]) packages.set(config.code.id, config.code.size);
  }
  const limit = context.settings.accountConcurrencyLimit;
  const body: Omit<GetAccountSettingsCommandOutput, '$metadata'> = {
    AccountLimit: {
      TotalCodeSize: TOTAL_CODE_SIZE_LIMIT,
      CodeSizeUnzipped: CODE_SIZE_UNZIPPED_LIMIT,
      CodeSizeZipped: CODE_SIZE_ZIPPED_LIMIT,
      ConcurrentExecutions: limit,
      UnreservedConcurrentExecutions: limit - context.registry.totalReservedConcurrency(),
    },
    AccountUsage: {
      TotalCodeSize: [...packages.values()].reduce((sum, size) => sum + size, 0),
      FunctionCount: functions.length,
    },
  };
  return { status: 200, body };
}
