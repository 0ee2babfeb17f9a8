import type { FunctionRecord, VersionConfig } from '../state/function-records';
import type { LambdaContext } from './lambda-context';

/**
 * Starts a qualifier's provisioned environments in the background: the API answers at once with
 * IN_PROGRESS, as Lambda does, and GetProvisionedConcurrencyConfig reports READY once they are up.
 */
export function startProvisioning(
  context: LambdaContext,
  target: { record: FunctionRecord; qualifier: string; config: VersionConfig; count: number },
): void {
  context.scheduler.provision(target.record, target.qualifier, target.config, target.count).catch((error: unknown) => {
    // Nobody awaits this; the config stays IN_PROGRESS and the reason goes to the emulator's log.
    context.settings.log?.(`provisioned concurrency for ${target.record.name}:${target.qualifier} failed: ${String(error)}`);
  });
}
