import { readFileSync } from 'node:fs';

export type ProcessMemory = { residentKB: number; peakResidentKB: number };

/**
 * Reads a process's resident memory and its peak (VmRSS, VmHWM) from /proc: the measured basis
 * of "Max Memory Used" and of the out-of-memory kill. Null once the process is gone.
 */
export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return null;
  }
  return { residentKB: field(status, 'VmRSS:'), peakResidentKB: field(status, 'VmHWM:') };
}

function field(status: string, name: string): number {
  const start = status.indexOf(name);
  if (start < 0) return 0;
  return Number.parseInt(status.slice(start + name.length, status.indexOf('\n', start)), 10) || 0;
}
