import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { EventInvokeConfig } from '../state/function-records';
import { eventInvokeConfigSchema } from './event-invoke-config-schema';
import type { LambdaContext } from './lambda-context';
import { requireEventInvokeSettings } from './require-event-invoke-settings';
import { resolveEventInvokeQualifier } from './resolve-event-invoke-qualifier';
import { toFunctionEventInvokeConfig, type FunctionEventInvokeConfigWire } from './to-function-event-invoke-config';

/** AWS's behaviour for asynchronous invokes when a member is not configured. */
const DEFAULT_RETRY_ATTEMPTS = 2;
const DEFAULT_MAX_EVENT_AGE_SECONDS = 21_600;

/**
 * PutFunctionEventInvokeConfig: PUT /2019-09-25/functions/{FunctionName}/event-invoke-config?Qualifier=
 * Replaces the whole config: members left out go back to their defaults.
 */
export async function putFunctionEventInvokeConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(eventInvokeConfigSchema, readJsonBody(request));
  const { record, qualifier } = resolveEventInvokeQualifier(context, request);
  requireEventInvokeSettings(record.name, input);
  const onSuccess = input.DestinationConfig?.OnSuccess?.Destination;
  const onFailure = input.DestinationConfig?.OnFailure?.Destination;
  const config: EventInvokeConfig = {
    maximumRetryAttempts: input.MaximumRetryAttempts ?? DEFAULT_RETRY_ATTEMPTS,
    maximumEventAgeInSeconds: input.MaximumEventAgeInSeconds ?? DEFAULT_MAX_EVENT_AGE_SECONDS,
    ...(onSuccess ? { onSuccessDestination: onSuccess } : {}),
    ...(onFailure ? { onFailureDestination: onFailure } : {}),
    lastModified: Date.now(),
  };
  context.registry.put({ ...record, eventInvokeConfigs: { ...record.eventInvokeConfigs, [qualifier]: config } });
  const body: FunctionEventInvokeConfigWire = toFunctionEventInvokeConfig(context.settings, record.name, qualifier, config);
  return { status: 200, body };
}
