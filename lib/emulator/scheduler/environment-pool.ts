import type { ExecutionEnvironment } from '../runtime/execution-environment';

/**
 * The environments of one function version: idle ones are reused newest first (as Lambda keeps
 * recently used environments warm), the rest are busy or starting.
 */
export class EnvironmentPool {
  private readonly idle: ExecutionEnvironment[] = [];
  private readonly all = new Set<ExecutionEnvironment>();
  /** Set when the version's code or configuration changed: environments coming back are shut down. */
  retired = false;

  /** The function version every environment of this pool runs. */
  constructor(readonly version: string) {}

  takeIdle(): ExecutionEnvironment | undefined {
    for (;;) {
      const environment = this.idle.pop();
      if (!environment) return undefined;
      if (environment.isIdle) return environment;
      this.all.delete(environment);
    }
  }

  add(environment: ExecutionEnvironment): void {
    this.all.add(environment);
  }

  /** Back from an invoke: reusable environments wait for the next event, dead ones leave. */
  giveBack(environment: ExecutionEnvironment): void {
    if (environment.isIdle) this.idle.push(environment);
    else this.all.delete(environment);
  }

  /** Removes idle environments unused since `before` and returns them for shutdown. */
  takeIdleSince(before: number): ExecutionEnvironment[] {
    const stale = this.idle.filter((environment) => environment.lastUsedAt < before);
    if (stale.length === 0) return [];
    const kept = this.idle.filter((environment) => environment.lastUsedAt >= before);
    this.idle.splice(0, this.idle.length, ...kept);
    for (const environment of stale) this.all.delete(environment);
    return stale;
  }

  takeAll(): ExecutionEnvironment[] {
    const everything = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    return everything;
  }

  get size(): number {
    return this.all.size;
  }
}
