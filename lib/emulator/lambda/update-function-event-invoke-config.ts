import type { EmulatorResponse } from '../protocol/http-types';
import { readJsonBody, type RestRequest } from '../protocol/rest-json-router';
import { validateInput } from '../protocol/validate-input';
import type { EventInvokeConfig } from '../state/function-records';
import { eventInvokeConfigSchema } from './event-invoke-config-schema';
import type { LambdaContext } from './lambda-context';
import { requireEventInvokeConfig } from './require-event-invoke-config';
import { requireEventInvokeSettings } from './require-event-invoke-settings';
import { resolveEventInvokeQualifier } from './resolve-event-invoke-qualifier';
import { toFunctionEventInvokeConfig, type FunctionEventInvokeConfigWire } from './to-function-event-invoke-config';

/**
 * UpdateFunctionEventInvokeConfig: POST /2019-09-25/functions/{FunctionName}/event-invoke-config?Qualifier=
 * Merges into the existing config: members left out keep their value; an empty Destination clears one.
 */
export async function updateFunctionEventInvokeConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const input = validateInput(eventInvokeConfigSchema, readJsonBody(request));
  const { record, qualifier } = resolveEventInvokeQualifier(context, request);
  requireEventInvokeSettings(record.name, input);
  const current = requireEventInvokeConfig(context.settings, record, qualifier);
  const { OnSuccess: onSuccess, OnFailure: onFailure } = input.DestinationConfig ?? {};
  const onSuccessDestination = onSuccess ? onSuccess.Destination : current.onSuccessDestination;
  const onFailureDestination = onFailure ? onFailure.Destination : current.onFailureDestination;
  const config: EventInvokeConfig = {
    maximumRetryAttempts: input.MaximumRetryAttempts ?? current.maximumRetryAttempts,
    maximumEventAgeInSeconds: input.MaximumEventAgeInSeconds ?? current.maximumEventAgeInSeconds,
    ...(onSuccessDestination ? { onSuccessDestination } : {}),
    ...(onFailureDestination ? { onFailureDestination } : {}),
    lastModified: Date.now(),
  };
  context.registry.put({ ...record, eventInvokeConfigs: { ...record.eventInvokeConfigs, [qualifier]: config } });
  const body: FunctionEventInvokeConfigWire = toFunctionEventInvokeConfig(context.settings, record.name, qualifier, config);
  return { status: 200, body };
}
