import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { LogSink } from '../logs/log-sink';
import { buildRuntimeVariables } from './build-runtime-variables';
import { LogStreamWriter } from './log-stream-writer';
import {
  describeExit,
  formatEnd,
  formatInitReport,
  formatInitStart,
  formatReport,
  formatRuntimeExit,
  formatStart,
  formatTaskTimedOut,
  type InitializationType,
  type LogFormat,
} from './platform-lines';
import { ProcessMemoryProbe } from './process-memory';
import { launchRuntime, runtimeVersionArn, type SupportedRuntime } from './runtime-launchers';
import { RuntimeApiServer, type RuntimeResult } from './runtime-api-server';

export type EnvironmentSpec = {
  functionName: string;
  functionVersion: string;
  runtime: SupportedRuntime;
  handler: string;
  codeDir: string;
  memorySizeMB: number;
  timeoutSeconds: number;
  variables: Record<string, string>;
  logFormat: LogFormat;
  logGroupName: string;
  /** Custom log groups are shared, so AWS puts the function name in the stream name. */
  customLogGroup: boolean;
  region: string;
  initializationType: InitializationType;
};

export type InvokeRequest = {
  requestId: string;
  payload: Buffer;
  invokedFunctionArn: string;
  traceId: string;
  clientContext?: string;
  /** Keep this invocation's lines for `LogType: Tail`. */
  tail: boolean;
};

export type InvocationStatus = 'success' | 'error' | 'timeout' | 'crashed' | 'out_of_memory' | 'init_error';

export type InvokeOutcome = {
  status: InvocationStatus;
  /** The function's response, or the error document returned to the caller. */
  payload: Buffer;
  errorType?: string;
  durationMs: number;
  initDurationMs?: number;
  logTail?: string;
  logStreamName: string;
};

/** AWS ends an on-demand INIT that runs longer than this. */
const INIT_TIMEOUT_MS = 10_000;
const MEMORY_CHECK_MS = 10;
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

type Ending =
  /** The runtime asked for its first event: INIT is over. */
  | { kind: 'ready' }
  | { kind: 'result'; result: RuntimeResult }
  | { kind: 'exit'; description: string | null }
  | { kind: 'timeout' };

/** While a request runs, a runtime asking for more work does not end it (see awaitEnding). */
type InvokeEnding = Exclude<Ending, { kind: 'ready' }>;

/**
 * One execution environment: a child process running the function's runtime, which talks to us
 * through its own Runtime API. It handles one event at a time. Durations and memory are measured
 * on the real process, never invented.
 */
export class ExecutionEnvironment {
  readonly id = randomBytes(16).toString('hex');
  readonly logStreamName: string;
  private state: 'initialising' | 'idle' | 'busy' | 'failed' | 'dead' = 'initialising';
  private child: ChildProcess | null = null;
  private memory: ProcessMemoryProbe | null = null;
  private api: RuntimeApiServer | null = null;
  private writer: LogStreamWriter;
  private initDurationMs = 0;
  /** Reported on the first invoke only: that is what makes it a cold start. */
  private unreportedInitMs: number | undefined;
  private initError: { errorType: string; body: Buffer } | null = null;
  private ending: ((ending: Ending) => void) | null = null;
  private peakKB = 0;
  private outOfMemory = false;
  private exited: Promise<void> = Promise.resolve();
  lastUsedAt = Date.now();

  private constructor(
    readonly spec: EnvironmentSpec,
    sink: LogSink,
  ) {
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
    const owner = spec.customLogGroup ? spec.functionName : '';
    this.logStreamName = `${day}/${owner}[${spec.functionVersion}]${this.id}`;
    this.writer = new LogStreamWriter(sink, spec.logGroupName, this.logStreamName);
  }

  /** Starts the process and runs INIT. Never rejects for the function's faults: a failed INIT is reported on invoke. */
  static async start(spec: EnvironmentSpec, sink: LogSink): Promise<ExecutionEnvironment> {
    const environment = new ExecutionEnvironment(spec, sink);
    await environment.initialise();
    return environment;
  }

  get isIdle(): boolean {
    return this.state === 'idle';
  }

  get initFailed(): boolean {
    return this.state === 'failed';
  }

  private async initialise(): Promise<void> {
    const { spec } = this;
    this.api = await RuntimeApiServer.start({
      onNext: () => this.ending?.({ kind: 'ready' }),
      onResult: (result) => this.ending?.({ kind: 'result', result }),
      onInitError: (errorType, body) => {
        this.initError = { errorType, body };
        this.ending?.({ kind: 'exit', description: null });
      },
    });
    const launch = launchRuntime(spec.runtime, spec.codeDir);
    this.writer.write(
      formatInitStart(spec.logFormat, new Date(), {
        runtimeVersion: launch.runtimeVersion,
        runtimeVersionArn: runtimeVersionArn(spec.region, launch.runtimeVersion),
        functionName: spec.functionName,
        functionVersion: spec.functionVersion,
        initializationType: spec.initializationType,
      }),
    );
    const started = performance.now();
    const ended = this.awaitEnding(INIT_TIMEOUT_MS);
    this.spawnProcess(launch.command, launch.args);
    const ending = await ended;
    this.initDurationMs = performance.now() - started;

    if (ending.kind === 'ready' && !this.initError) {
      this.state = 'idle';
      if (spec.initializationType === 'on-demand') this.unreportedInitMs = this.initDurationMs;
      return;
    }
    this.state = 'failed';
    const errorType = this.initError?.errorType ?? (this.outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError');
    await this.writer.drain();
    this.writer.write(
      formatInitReport(spec.logFormat, new Date(), {
        durationMs: this.initDurationMs,
        phase: 'init',
        status: ending.kind === 'timeout' ? 'timeout' : 'error',
        errorType,
        initializationType: spec.initializationType,
      }),
    );
    this.initError ??= {
      errorType,
      body: Buffer.from(
        JSON.stringify({
          errorType,
          errorMessage:
            ending.kind === 'timeout'
              ? `INIT timed out after ${(INIT_TIMEOUT_MS / 1000).toFixed(2)} seconds`
              : `Runtime exited with error: ${ending.kind === 'exit' ? ending.description : 'unknown'}`,
        }),
      ),
    };
    await this.kill();
  }

  async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    if (this.state === 'failed') return this.reportFailedInit(request);
    if (this.state !== 'idle') throw new Error(`environment ${this.id} is ${this.state}, not idle`);
    this.state = 'busy';
    const { spec } = this;
    if (request.tail) this.writer.startTail();
    this.writer.write(formatStart(spec.logFormat, new Date(), request.requestId, spec.functionVersion));

    const started = performance.now();
    const ended = this.awaitEnding(spec.timeoutSeconds * 1000, request.requestId);
    this.api?.deliver({
      requestId: request.requestId,
      payload: request.payload,
      headers: {
        'lambda-runtime-deadline-ms': String(Date.now() + spec.timeoutSeconds * 1000),
        'lambda-runtime-invoked-function-arn': request.invokedFunctionArn,
        'lambda-runtime-trace-id': request.traceId,
        ...(request.clientContext ? { 'lambda-runtime-client-context': request.clientContext } : {}),
      },
    });
    const ending = await ended;
    const durationMs = performance.now() - started;
    const initDurationMs = this.unreportedInitMs;
    this.unreportedInitMs = undefined;

    if (ending.kind === 'result') return this.finishAnswered(request, ending.result, durationMs, initDurationMs);
    // Read the exact peak while /proc still has the process; the REPORT comes after the kill.
    this.maxMemoryUsedMB();
    await this.kill();
    this.writer.flushPartial('stdout');
    this.writer.flushPartial('stderr');
    const now = new Date();
    if (ending.kind === 'timeout') {
      this.writer.write(formatEnd(spec.logFormat, request.requestId));
      this.writeReport(request.requestId, durationMs, initDurationMs, 'timeout');
      this.writer.write(formatTaskTimedOut(spec.logFormat, now, request.requestId, spec.timeoutSeconds));
      return this.outcome(request, 'timeout', durationMs, initDurationMs, {
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${request.requestId} Error: Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`,
      });
    }
    const errorType = this.outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    this.writer.write(formatRuntimeExit(spec.logFormat, request.requestId, ending.description));
    this.writer.write(formatEnd(spec.logFormat, request.requestId));
    this.writeReport(request.requestId, durationMs, initDurationMs, 'error', errorType);
    return this.outcome(request, this.outOfMemory ? 'out_of_memory' : 'crashed', durationMs, initDurationMs, {
      errorType,
      errorMessage: `RequestId: ${request.requestId} Error: Runtime exited with error: ${ending.description ?? 'without providing a reason'}`,
    });
  }

  /** Kills the whole process group and closes the Runtime API. */
  async shutdown(): Promise<void> {
    await this.kill();
  }

  private async finishAnswered(
    request: InvokeRequest,
    result: RuntimeResult,
    durationMs: number,
    initDurationMs: number | undefined,
  ): Promise<InvokeOutcome> {
    await this.writer.drain(result);
    this.writer.write(formatEnd(this.spec.logFormat, request.requestId));
    if (result.kind === 'response' && result.body.length > MAX_RESPONSE_BYTES) {
      this.writeReport(request.requestId, durationMs, initDurationMs, 'error', 'Function.ResponseSizeTooLarge');
      this.release();
      return this.outcome(request, 'error', durationMs, initDurationMs, {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      });
    }
    // A function's own error is no platform fault: AWS's Text REPORT carries no Status for it.
    this.writeReport(request.requestId, durationMs, initDurationMs, result.kind === 'error' ? 'failure' : 'success');
    this.release();
    const outcome: InvokeOutcome = {
      status: result.kind === 'error' ? 'error' : 'success',
      payload: result.body,
      durationMs,
      logStreamName: this.logStreamName,
      ...(initDurationMs === undefined ? {} : { initDurationMs }),
      ...(request.tail ? { logTail: this.writer.takeTail() } : {}),
    };
    if (result.kind === 'error') outcome.errorType = result.errorType ?? 'Unhandled';
    return outcome;
  }

  private reportFailedInit(request: InvokeRequest): InvokeOutcome {
    const initError = this.initError ?? { errorType: 'Runtime.Unknown', body: Buffer.from('{}') };
    if (request.tail) this.writer.startTail();
    this.writer.write(formatStart(this.spec.logFormat, new Date(), request.requestId, this.spec.functionVersion));
    this.writer.write(formatEnd(this.spec.logFormat, request.requestId));
    this.writeReport(request.requestId, 0, undefined, 'error', initError.errorType);
    return {
      status: 'init_error',
      payload: initError.body,
      errorType: initError.errorType,
      durationMs: 0,
      initDurationMs: this.initDurationMs,
      logStreamName: this.logStreamName,
      ...(request.tail ? { logTail: this.writer.takeTail() } : {}),
    };
  }

  private outcome(
    request: InvokeRequest,
    status: InvocationStatus,
    durationMs: number,
    initDurationMs: number | undefined,
    error: { errorType: string; errorMessage: string },
  ): InvokeOutcome {
    return {
      status,
      payload: Buffer.from(JSON.stringify(error)),
      errorType: error.errorType,
      durationMs,
      logStreamName: this.logStreamName,
      ...(initDurationMs === undefined ? {} : { initDurationMs }),
      ...(request.tail ? { logTail: this.writer.takeTail() } : {}),
    };
  }

  private writeReport(
    requestId: string,
    durationMs: number,
    initDurationMs: number | undefined,
    status: 'success' | 'failure' | 'error' | 'timeout',
    errorType?: string,
  ): void {
    const { spec } = this;
    const limitMs = spec.timeoutSeconds * 1000;
    // Since August 2025 AWS bills the INIT phase of on-demand functions too.
    const billedDurationMs = Math.min(Math.ceil(durationMs), limitMs) + Math.ceil(initDurationMs ?? 0);
    this.writer.write(
      formatReport(spec.logFormat, new Date(), {
        requestId,
        durationMs,
        billedDurationMs,
        memorySizeMB: spec.memorySizeMB,
        maxMemoryUsedMB: this.maxMemoryUsedMB(),
        status,
        ...(initDurationMs === undefined ? {} : { initDurationMs }),
        ...(errorType ? { errorType } : {}),
      }),
    );
  }

  private maxMemoryUsedMB(): number {
    const peak = this.memory?.peakResidentKB();
    if (peak) this.peakKB = Math.max(this.peakKB, peak);
    return Math.max(1, Math.round(this.peakKB / 1024));
  }

  private release(): void {
    this.state = 'idle';
    this.lastUsedAt = Date.now();
  }

  private spawnProcess(command: string, args: string[]): void {
    const child = spawn(command, args, {
      cwd: this.spec.codeDir,
      // Next.js's global types require NODE_ENV; a function's environment rightly has none of ours.
      env: buildRuntimeVariables({
        spec: this.spec,
        runtimeApi: this.api?.address ?? '',
        logStreamName: this.logStreamName,
      }) as NodeJS.ProcessEnv,
      // Its own process group, so a kill reaches everything the function started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    if (child.pid !== undefined) this.memory = ProcessMemoryProbe.open(child.pid);
    if (child.stdout) this.writer.capture('stdout', child.stdout);
    if (child.stderr) this.writer.capture('stderr', child.stderr);
    child.once('exit', (code, signal) => {
      if (this.state !== 'dead') this.state = this.state === 'failed' ? 'failed' : 'dead';
      this.ending?.({ kind: 'exit', description: describeExit(code, signal) });
    });
    this.exited = new Promise((resolve) => {
      // 'close' comes after 'exit' once stdout and stderr are drained: no line arrives after it.
      child.once('close', () => resolve());
      child.once('error', (error) => {
        this.initError ??= {
          errorType: 'Runtime.InvalidEntrypoint',
          body: Buffer.from(JSON.stringify({ errorType: 'Runtime.InvalidEntrypoint', errorMessage: error.message })),
        };
        this.ending?.({ kind: 'exit', description: null });
        resolve();
      });
    });
  }

  /** Resolves with whatever ends the current phase (INIT, or one request) first; watches memory meanwhile. */
  private awaitEnding(limitMs: number): Promise<Ending>;
  private awaitEnding(limitMs: number, requestId: string): Promise<InvokeEnding>;
  private awaitEnding(limitMs: number, requestId?: string): Promise<Ending> {
    return new Promise<Ending>((resolve) => {
      const limitKB = this.spec.memorySizeMB * 1024;
      const watchdog = setInterval(() => {
        const residentKB = this.memory?.residentKB();
        if (residentKB === null || residentKB === undefined) return;
        this.peakKB = Math.max(this.peakKB, residentKB);
        if (residentKB > limitKB && !this.outOfMemory) {
          this.outOfMemory = true;
          this.signalGroup('SIGKILL');
        }
      }, MEMORY_CHECK_MS);
      const timer = setTimeout(() => finish({ kind: 'timeout' }), limitMs);
      const finish = (ending: Ending) => {
        // During an invoke only this request's answer, an exit or the timer ends it: not a
        // runtime asking for more work, nor a stale answer for another request id.
        if (requestId !== undefined && ending.kind === 'ready') return;
        if (ending.kind === 'result' && requestId !== undefined && ending.result.requestId !== requestId) return;
        clearInterval(watchdog);
        clearTimeout(timer);
        this.ending = null;
        resolve(ending);
      };
      this.ending = finish;
    });
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  private async kill(): Promise<void> {
    if (this.state !== 'failed') this.state = 'dead';
    this.signalGroup('SIGKILL');
    await this.exited;
    this.memory?.close();
    this.memory = null;
    await this.api?.close();
    this.api = null;
  }
}
