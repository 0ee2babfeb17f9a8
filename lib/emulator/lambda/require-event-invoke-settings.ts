import { invalidParameterValue } from '../protocol/aws-error';
import type { EventInvokeConfigInput } from './event-invoke-config-schema';

/** AWS's rules beyond the model's bounds: something must be set, and a function is not its own destination. */
export function requireEventInvokeSettings(functionName: string, input: EventInvokeConfigInput): void {
  if (input.MaximumRetryAttempts === undefined && input.MaximumEventAgeInSeconds === undefined && !input.DestinationConfig) {
    throw invalidParameterValue('You must specify at least one of error handling or destination setting.');
  }
  const destinations = [input.DestinationConfig?.OnSuccess?.Destination, input.DestinationConfig?.OnFailure?.Destination];
  const ownArn = new RegExp(`:function:${functionName}(:[^:]+)?$`);
  if (destinations.some((destination) => destination !== undefined && ownArn.test(destination))) {
    throw invalidParameterValue("You can't specify the function as a destination for itself.");
  }
}
