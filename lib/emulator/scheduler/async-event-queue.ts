import { buildInvocationTarget } from '../lambda/build-invocation-target';
import { functionArn } from '../lambda/function-names';
import type { EmulatorSettings } from '../emulator-settings';
import type { FunctionRegistry } from '../state/function-registry';
import type { DestinationRecord, DestinationStore } from './destination-store';
import type { Scheduler } from './scheduler';

export type AsyncEvent = { requestId: string; functionName: string; qualifier: string | undefined; payload: Buffer };

type QueuedEvent = AsyncEvent & { receivedAt: number; attempts: number; throttles: number };

/** AWS's defaults: two retries, about 1 and then 2 minutes after a failure; events live up to 6 h. */
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_AGE_SECONDS = 21_600;
const RETRY_DELAYS_MS = [60_000, 120_000];
const THROTTLE_BACKOFF_MS = { first: 1_000, max: 300_000 };

/**
 * Lambda's internal queue for `InvocationType: Event`: each event runs later, is retried on function
 * errors under the same request ID, waits and tries again while throttled, and finally goes to its
 * destination record. All waits are multiplied by the emulator's time scale.
 */
export class AsyncEventQueue {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly deps: {
      settings: EmulatorSettings;
      registry: FunctionRegistry;
      scheduler: Scheduler;
      destinations: DestinationStore;
    },
  ) {}

  enqueue(event: AsyncEvent): void {
    this.later({ ...event, receivedAt: Date.now(), attempts: 0, throttles: 0 }, 0);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(event: QueuedEvent, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event);
    }, delayMs * (delayMs === 0 ? 1 : this.deps.settings.timeScale));
    this.timers.add(timer);
  }

  private async attempt(event: QueuedEvent): Promise<void> {
    const record = this.deps.registry.find(event.functionName);
    if (!record) return;
    const config = record.eventInvokeConfigs[event.qualifier ?? '$LATEST'];
    const maxRetries = config?.maximumRetryAttempts ?? DEFAULT_RETRIES;
    const maxAgeMs = (config?.maximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000 * this.deps.settings.timeScale;
    const sendTo = (condition: DestinationRecord['requestContext']['condition'], response: DestinationRecord['responseContext'], payload: unknown) => {
      const destination = condition === 'Success' ? config?.onSuccessDestination : config?.onFailureDestination;
      if (condition === 'Success' && !destination) return;
      this.deps.destinations.add({
        destination: destination ?? null,
        functionName: record.name,
        record: {
          version: '1.0',
          timestamp: new Date().toISOString(),
          requestContext: {
            requestId: event.requestId,
            functionArn: functionArn(this.deps.settings, record.name, event.qualifier ?? '$LATEST'),
            condition,
            approximateInvokeCount: event.attempts,
          },
          requestPayload: parseJson(event.payload),
          responseContext: response,
          responsePayload: payload,
        },
      });
    };

    if (Date.now() - event.receivedAt > maxAgeMs) {
      sendTo('EventAgeExceeded', { statusCode: 200, executedVersion: '$LATEST' }, null);
      return;
    }
    let result;
    try {
      const target = buildInvocationTarget(this.deps.settings, record, event.qualifier);
      result = await this.deps.scheduler.invoke(target, { requestId: event.requestId, payload: event.payload, tail: false });
    } catch {
      // The version or alias disappeared, or the emulator is closing: nothing left to run it on.
      return;
    }
    if (result.kind === 'throttled') {
      event.throttles += 1;
      const backoff = Math.min(THROTTLE_BACKOFF_MS.first * 2 ** (event.throttles - 1), THROTTLE_BACKOFF_MS.max);
      this.later(event, backoff);
      return;
    }
    event.attempts += 1;
    const { outcome, executedVersion } = result;
    if (outcome.status === 'success') {
      sendTo('Success', { statusCode: 200, executedVersion }, parseJson(outcome.payload));
      return;
    }
    if (event.attempts <= maxRetries) {
      this.later(event, RETRY_DELAYS_MS[event.attempts - 1] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1] ?? 0);
      return;
    }
    sendTo('RetriesExhausted', { statusCode: 200, executedVersion, functionError: 'Unhandled' }, parseJson(outcome.payload));
  }
}

function parseJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return payload.toString('utf8');
  }
}
