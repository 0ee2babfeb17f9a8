import type { Readable } from 'node:stream';
import type { LogSink } from '../logs/log-sink';

/**
 * One execution environment's log stream: platform lines from the emulator and the function's
 * stdout/stderr, each line one event stamped when it arrives (so lines are readable while the
 * invocation still runs). Our runtimes keep a multi-line message on one line (`\n` → `\r`).
 */
export class LogStreamWriter {
  private received = { stdout: 0, stderr: 0 };
  private partial = { stdout: '', stderr: '' };
  private waiters: Array<() => void> = [];
  private tail: string[] | null = null;

  constructor(
    private readonly sink: LogSink,
    readonly logGroupName: string,
    readonly logStreamName: string,
  ) {
    sink.ensureLogGroup(logGroupName);
    sink.ensureLogStream(logGroupName, logStreamName);
  }

  /** Writes one event; null (a line the function's log format does not have) writes nothing. */
  write(message: string | null, timestamp = Date.now()): void {
    if (message === null) return;
    this.sink.appendEvents(this.logGroupName, this.logStreamName, [{ timestamp, message }]);
    this.tail?.push(message.endsWith('\n') ? message : `${message}\n`);
  }

  capture(name: 'stdout' | 'stderr', stream: Readable): void {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.received[name] += Buffer.byteLength(chunk);
      const lines = (this.partial[name] + chunk).split('\n');
      this.partial[name] = lines.pop() ?? '';
      const now = Date.now();
      // A CloudWatch event of function output keeps its line end, as AWS delivers it.
      for (const line of lines) this.write(`${line}\n`, now);
      this.wakeWaiters();
    });
    stream.on('end', () => this.flushPartial(name));
  }

  /** Waits until the runtime's log bytes have arrived (or a short grace period passes). */
  async drain(expected?: { stdoutBytes?: number; stderrBytes?: number }): Promise<void> {
    const satisfied = () =>
      this.received.stdout >= (expected?.stdoutBytes ?? 0) && this.received.stderr >= (expected?.stderrBytes ?? 0);
    if (expected?.stdoutBytes === undefined) {
      // No byte counts from this runtime: the bytes are already in the pipe; one poll phase reads them.
      await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
      return;
    }
    if (satisfied()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 200);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      const check = () => {
        if (satisfied()) done();
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Starts keeping this invocation's lines for `LogType: Tail`. */
  startTail(): void {
    this.tail = [];
  }

  /** The last 4 KB of the lines kept since startTail, base64 as X-Amz-Log-Result carries it. */
  takeTail(): string {
    const text = (this.tail ?? []).join('');
    this.tail = null;
    const bytes = Buffer.from(text);
    return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
  }

  flushPartial(name: 'stdout' | 'stderr'): void {
    if (this.partial[name]) this.write(this.partial[name]);
    this.partial[name] = '';
  }

  private wakeWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter();
  }
}
