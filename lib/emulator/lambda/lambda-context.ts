import type { EmulatorSettings } from '../emulator-settings';
import type { AsyncEventQueue } from '../scheduler/async-event-queue';
import type { DestinationStore } from '../scheduler/destination-store';
import type { Scheduler } from '../scheduler/scheduler';
import type { CodeStore } from '../state/code-store';
import type { FunctionRegistry } from '../state/function-registry';

/** What every Lambda API operation works with. */
export type LambdaContext = {
  settings: EmulatorSettings;
  registry: FunctionRegistry;
  code: CodeStore;
  scheduler: Scheduler;
  asyncQueue: AsyncEventQueue;
  destinations: DestinationStore;
};
