import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The runtimes the emulator runs, as CreateFunction names them. */
export const supportedRuntimes = [
  'nodejs20.x',
  'nodejs22.x',
  'python3.11',
  'python3.12',
  'python3.13',
  'provided.al2023',
  'provided.al2',
] as const;
export type SupportedRuntime = (typeof supportedRuntimes)[number];

export function isSupportedRuntime(runtime: string): runtime is SupportedRuntime {
  return (supportedRuntimes as readonly string[]).includes(runtime);
}

export type RuntimeLaunch = { command: string; args: string[]; runtimeVersion: string };

const bootstrapDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bootstraps');
let pythonExecutable: string | undefined;

/**
 * How to start an environment's process for a runtime. Every Node runtime runs on the machine's
 * Node and every Python runtime on its python3: the emulator has one of each (see docs/fidelity.md).
 */
export function launchRuntime(runtime: SupportedRuntime, codeDir: string): RuntimeLaunch {
  if (runtime.startsWith('nodejs')) {
    return { command: process.execPath, args: [path.join(bootstrapDir, 'node-bootstrap.mjs')], runtimeVersion: runtimeVersion(runtime) };
  }
  if (runtime.startsWith('python')) {
    pythonExecutable ??= findPython();
    return { command: pythonExecutable, args: [path.join(bootstrapDir, 'python-bootstrap.py')], runtimeVersion: runtimeVersion(runtime) };
  }
  return { command: path.join(codeDir, 'bootstrap'), args: [], runtimeVersion: runtimeVersion(runtime) };
}

/** The `Runtime Version` INIT_START names, e.g. `nodejs:20.v20` (the minor of the Node that runs it). */
export function runtimeVersion(runtime: SupportedRuntime): string {
  if (runtime.startsWith('nodejs')) {
    const major = runtime.slice('nodejs'.length, runtime.indexOf('.'));
    return `nodejs:${major}.v${process.versions.node.split('.')[1] ?? '0'}`;
  }
  if (runtime.startsWith('python')) return `python:${runtime.slice('python'.length)}.v1`;
  return `${runtime}.v1`;
}

export function runtimeVersionArn(region: string, runtimeVersion: string): string {
  const digest = createHash('sha256').update(runtimeVersion).digest('hex');
  return `arn:aws:lambda:${region}::runtime:${digest}`;
}

/** The real interpreter behind `python3` (a version-manager shim would need our environment). */
function findPython(): string {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
}
