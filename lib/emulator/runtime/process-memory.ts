import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * Reads one process's memory from /proc: the measured basis of "Max Memory Used" and of the
 * out-of-memory kill. The files stay open and are re-read in place (pread), which costs a tenth of
 * opening them each time: the watchdog reads every busy environment a hundred times a second.
 */
export class ProcessMemoryProbe {
  private readonly buffer = Buffer.alloc(4096);

  private constructor(
    private statmFd: number | null,
    private statusFd: number | null,
  ) {}

  /** A probe for a live process; a process already gone yields a probe that reads null. */
  static open(pid: number): ProcessMemoryProbe {
    return new ProcessMemoryProbe(tryOpen(`/proc/${pid}/statm`), tryOpen(`/proc/${pid}/status`));
  }

  /** Resident memory now, from `statm` (one short line, the cheapest read /proc offers). */
  residentKB(): number | null {
    const text = this.read(this.statmFd);
    if (text === null) return null;
    const resident = Number(text.split(' ')[1]);
    return Number.isFinite(resident) ? resident * pageSizeKB : null;
  }

  /** The peak resident memory of the process's whole life (VmHWM): what AWS's Max Memory Used means. */
  peakResidentKB(): number | null {
    const text = this.read(this.statusFd);
    if (text === null) return null;
    return statusField(text, 'VmHWM:');
  }

  close(): void {
    for (const fd of [this.statmFd, this.statusFd]) if (fd !== null) closeSync(fd);
    this.statmFd = null;
    this.statusFd = null;
  }

  private read(fd: number | null): string | null {
    if (fd === null) return null;
    try {
      const length = readSync(fd, this.buffer, 0, this.buffer.length, 0);
      return length === 0 ? null : this.buffer.toString('latin1', 0, length);
    } catch {
      return null;
    }
  }
}

function tryOpen(path: string): number | null {
  try {
    return openSync(path, 'r');
  } catch {
    return null;
  }
}

function statusField(status: string, name: string): number | null {
  const start = status.indexOf(name);
  if (start < 0) return null;
  const value = Number.parseInt(status.slice(start + name.length, status.indexOf('\n', start)), 10);
  return Number.isFinite(value) ? value : null;
}

/** `statm` counts pages: calibrated once against this process's own VmRSS, which is in kB. */
const pageSizeKB = (() => {
  const status = readFileSync('/proc/self/status', 'latin1');
  const statm = readFileSync('/proc/self/statm', 'latin1');
  const residentKB = statusField(status, 'VmRSS:') ?? 0;
  const residentPages = Number(statm.split(' ')[1]);
  const ratio = residentPages > 0 ? residentKB / residentPages : 4;
  // Page sizes are powers of two: round off the drift between the two reads.
  return 2 ** Math.round(Math.log2(ratio > 0 ? ratio : 4));
})();
