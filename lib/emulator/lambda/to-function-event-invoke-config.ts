import type { FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import type { EmulatorSettings } from '../emulator-settings';
import type { EventInvokeConfig } from '../state/function-records';
import { functionArn } from './function-names';

/** The model types LastModified as a timestamp, which restJson1 sends as epoch seconds. */
export type FunctionEventInvokeConfigWire = Omit<FunctionEventInvokeConfig, 'LastModified'> & { LastModified: number };

/** An event invoke config as the Lambda API returns it (`lastModified` is kept in epoch milliseconds). */
export function toFunctionEventInvokeConfig(
  settings: EmulatorSettings,
  functionName: string,
  qualifier: string,
  config: EventInvokeConfig,
): FunctionEventInvokeConfigWire {
  return {
    LastModified: config.lastModified / 1000,
    FunctionArn: functionArn(settings, functionName, qualifier),
    MaximumRetryAttempts: config.maximumRetryAttempts,
    MaximumEventAgeInSeconds: config.maximumEventAgeInSeconds,
    DestinationConfig: {
      OnSuccess: config.onSuccessDestination ? { Destination: config.onSuccessDestination } : {},
      OnFailure: config.onFailureDestination ? { Destination: config.onFailureDestination } : {},
    },
  };
}
