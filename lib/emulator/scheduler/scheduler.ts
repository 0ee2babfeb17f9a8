import { randomBytes } from 'node:crypto';
import type { LogSink } from '../logs/log-sink';
import { serviceError } from '../protocol/aws-error';
import type { MetricSink } from '../metrics/metric-sink';
import { ExecutionEnvironment, type EnvironmentSpec, type InvokeOutcome } from '../runtime/execution-environment';
import type { InitializationType } from '../runtime/platform-lines';
import type { CodeStore } from '../state/code-store';
import type { FunctionRecord, VersionConfig } from '../state/function-records';
import { ConcurrencyGovernor, type ThrottleReason } from './concurrency-governor';
import { EnvironmentPool } from './environment-pool';

export type InvocationTarget = {
  record: FunctionRecord;
  /** The configuration of the version that runs. */
  config: VersionConfig;
  /** As invoked: an alias name, a version, or undefined for the unqualified function. */
  qualifier: string | undefined;
  invokedFunctionArn: string;
};

export type InvocationRequest = { requestId: string; payload: Buffer; clientContext?: string; tail: boolean };

export type InvocationResult =
  | { kind: 'throttled'; reason: ThrottleReason }
  | { kind: 'completed'; outcome: InvokeOutcome; executedVersion: string };

export type SchedulerOptions = {
  region: string;
  accountLimit: number;
  idleTimeoutMs: number;
  logs: LogSink;
  metrics: MetricSink;
  code: CodeStore;
  totalReserved: () => number;
};

/**
 * Runs invocations on execution environments: one event per environment at a time, warm ones
 * reused, new ones started (cold) up to the concurrency limits, idle ones reaped, provisioned ones
 * initialised ahead of time.
 */
export class Scheduler {
  private readonly governor: ConcurrencyGovernor;
  private readonly pools = new Map<string, EnvironmentPool>();
  private readonly reaper: NodeJS.Timeout;
  /** Environments still in INIT: not in a pool yet, but close() must stop them too. */
  private readonly starting = new Set<Promise<ExecutionEnvironment>>();
  private closed = false;

  constructor(private readonly options: SchedulerOptions) {
    this.governor = new ConcurrencyGovernor(options.accountLimit);
    this.reaper = setInterval(() => this.reapIdle(), Math.min(options.idleTimeoutMs / 2, 30_000));
    this.reaper.unref();
  }

  async invoke(target: InvocationTarget, request: InvocationRequest): Promise<InvocationResult> {
    if (this.closed) throw serviceError('The Lambda emulator is shutting down.');
    const { record, config } = target;
    const metricTarget = { functionName: record.name, ...resourceDimension(target), timestamp: Date.now() };
    const reason = this.governor.tryAcquire(record.name, record.reservedConcurrency, this.options.totalReserved());
    if (reason) {
      this.options.metrics.recordThrottle(metricTarget);
      return { kind: 'throttled', reason };
    }
    const reserved = record.reservedConcurrency !== null;
    this.reportConcurrency(target);
    try {
      const { pool, environment } = await this.acquireEnvironment(target);
      let outcome: InvokeOutcome;
      try {
        outcome = await environment.invoke({
          requestId: request.requestId,
          payload: request.payload,
          invokedFunctionArn: target.invokedFunctionArn,
          traceId: newTraceId(),
          tail: request.tail,
          ...(request.clientContext ? { clientContext: request.clientContext } : {}),
        });
      } finally {
        this.returnEnvironment(pool, environment);
      }
      this.options.metrics.recordInvocation({
        ...metricTarget,
        timestamp: Date.now(),
        durationMs: outcome.durationMs,
        error: outcome.status !== 'success',
      });
      return { kind: 'completed', outcome, executedVersion: config.version };
    } finally {
      this.governor.release(record.name, reserved);
      this.reportConcurrency(target);
    }
  }

  /** Starts `count` environments initialised ahead of time for a qualifier (alias or version). */
  async provision(record: FunctionRecord, qualifier: string, config: VersionConfig, count: number): Promise<void> {
    const key = provisionedKey(record.name, qualifier);
    this.retirePool(key);
    const pool = new EnvironmentPool(config.version);
    this.pools.set(key, pool);
    const started = await Promise.all(Array.from({ length: count }, () => this.startEnvironment(config, 'provisioned-concurrency')));
    if (this.pools.get(key) !== pool) {
      await Promise.all(started.map((environment) => environment.shutdown()));
      return;
    }
    for (const environment of started) {
      pool.add(environment);
      pool.giveBack(environment);
    }
  }

  provisionedAllocation(functionName: string, qualifier: string): number {
    return this.pools.get(provisionedKey(functionName, qualifier))?.size ?? 0;
  }

  deprovision(functionName: string, qualifier: string): void {
    this.retirePool(provisionedKey(functionName, qualifier));
  }

  /** Shuts down a function's on-demand environments (its code or configuration changed, or it was deleted). */
  retireFunction(functionName: string, options: { includeProvisioned: boolean }): void {
    for (const key of [...this.pools.keys()]) {
      const onDemand = key.startsWith(`od|${functionName}|`);
      const provisioned = key.startsWith(`pc|${functionName}|`);
      if (onDemand || (provisioned && options.includeProvisioned)) this.retirePool(key);
    }
  }

  /** Refuses new invocations and kills every environment, those still starting included. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    const everything = [...this.pools.values()].flatMap((pool) => pool.takeAll());
    this.pools.clear();
    const starting = await Promise.all(this.starting);
    await Promise.all([...everything, ...starting].map((environment) => environment.shutdown()));
  }

  /** Starts an environment, tracked until its INIT ends so that close() can reach it. */
  private async startEnvironment(config: VersionConfig, initializationType: InitializationType): Promise<ExecutionEnvironment> {
    const started = ExecutionEnvironment.start(this.spec(config, initializationType), this.options.logs);
    this.starting.add(started);
    try {
      const environment = await started;
      if (this.closed) {
        await environment.shutdown();
        throw serviceError('The Lambda emulator is shutting down.');
      }
      return environment;
    } finally {
      this.starting.delete(started);
    }
  }

  private async acquireEnvironment(
    target: InvocationTarget,
  ): Promise<{ pool: EnvironmentPool; environment: ExecutionEnvironment }> {
    const provisioned = target.qualifier === undefined ? undefined : this.pools.get(provisionedKey(target.record.name, target.qualifier));
    // A weighted alias provisions its primary version only: a draw for the other version runs on demand.
    if (provisioned && provisioned.version === target.config.version) {
      const environment = provisioned.takeIdle();
      if (environment) return { pool: provisioned, environment };
    }
    const key = `od|${target.record.name}|${target.config.version}|${target.config.revisionId}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new EnvironmentPool(target.config.version);
      this.pools.set(key, pool);
    }
    const warm = pool.takeIdle();
    if (warm) return { pool, environment: warm };
    const cold = await this.startEnvironment(target.config, 'on-demand');
    pool.add(cold);
    return { pool, environment: cold };
  }

  private returnEnvironment(pool: EnvironmentPool, environment: ExecutionEnvironment): void {
    if (pool.retired || environment.initFailed) {
      void environment.shutdown();
      return;
    }
    pool.giveBack(environment);
  }

  private retirePool(key: string): void {
    const pool = this.pools.get(key);
    if (!pool) return;
    this.pools.delete(key);
    pool.retired = true;
    for (const environment of pool.takeAll()) if (environment.isIdle) void environment.shutdown();
  }

  private reapIdle(): void {
    const before = Date.now() - this.options.idleTimeoutMs;
    for (const [key, pool] of this.pools) {
      if (key.startsWith('pc|')) continue;
      for (const environment of pool.takeIdleSince(before)) void environment.shutdown();
    }
  }

  private reportConcurrency(target: InvocationTarget): void {
    this.options.metrics.recordConcurrency({
      functionName: target.record.name,
      ...resourceDimension(target),
      timestamp: Date.now(),
      concurrent: this.governor.running(target.record.name),
      accountConcurrent: this.governor.accountRunning,
    });
  }

  private spec(config: VersionConfig, initializationType: InitializationType): EnvironmentSpec {
    return {
      functionName: config.functionName,
      functionVersion: config.version,
      runtime: config.runtime,
      handler: config.handler,
      codeDir: this.options.code.directory(config.code.id),
      memorySizeMB: config.memorySize,
      timeoutSeconds: config.timeout,
      variables: config.variables,
      logFormat: config.logFormat,
      logGroupName: config.logGroup,
      customLogGroup: config.logGroup !== `/aws/lambda/${config.functionName}`,
      region: this.options.region,
      initializationType,
    };
  }
}

function provisionedKey(functionName: string, qualifier: string): string {
  return `pc|${functionName}|${qualifier}`;
}

function resourceDimension(target: InvocationTarget): { resource?: string } {
  return target.qualifier === undefined ? {} : { resource: `${target.record.name}:${target.qualifier}` };
}

/** An X-Ray trace header as Lambda passes it to the runtime (not sampled: there is no X-Ray here). */
function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
