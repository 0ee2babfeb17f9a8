export type ThrottleReason = 'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded';

/**
 * Counts executions in flight the way Lambda limits them: a function with reserved concurrency may
 * run up to its reservation; all others share what the account limit leaves unreserved.
 */
export class ConcurrencyGovernor {
  private readonly inFlight = new Map<string, number>();
  private unreservedInFlight = 0;
  private total = 0;

  constructor(private readonly accountLimit: number) {}

  /** Takes a slot, or says why not. `reservations` is every function's reserved concurrency. */
  tryAcquire(functionName: string, reserved: number | null, totalReserved: number): ThrottleReason | null {
    const current = this.inFlight.get(functionName) ?? 0;
    if (reserved !== null) {
      if (current >= reserved) return 'ReservedFunctionConcurrentInvocationLimitExceeded';
    } else if (this.unreservedInFlight >= this.accountLimit - totalReserved) {
      return 'ConcurrentInvocationLimitExceeded';
    }
    this.inFlight.set(functionName, current + 1);
    if (reserved === null) this.unreservedInFlight += 1;
    this.total += 1;
    return null;
  }

  release(functionName: string, reserved: boolean): void {
    const current = this.inFlight.get(functionName) ?? 0;
    if (current <= 1) this.inFlight.delete(functionName);
    else this.inFlight.set(functionName, current - 1);
    if (!reserved) this.unreservedInFlight = Math.max(0, this.unreservedInFlight - 1);
    this.total = Math.max(0, this.total - 1);
  }

  running(functionName: string): number {
    return this.inFlight.get(functionName) ?? 0;
  }

  get accountRunning(): number {
    return this.total;
  }
}
