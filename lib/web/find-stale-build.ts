import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the production build is made from: a change to any of these makes `.next` stale. */
const BUILD_INPUTS = ['app', 'lib', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
/** Never part of the web build (the emulator's and CLI's runtime state, generated code). */
const IGNORED = new Set(['node_modules', '.data', 'generated', '.next']);

/**
 * Why the production build in `<root>/.next` must be (re)made, or null when it is current: missing,
 * or older than the newest source it is built from.
 */
export function findStaleBuild(root: string): string | null {
  let built: number;
  try {
    built = statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return 'no production build yet';
  }
  for (const input of BUILD_INPUTS) {
    const newer = findNewerThan(path.join(root, input), built);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  return null;
}

function findNewerThan(file: string, since: number): string | null {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return null;
  }
  if (!stats.isDirectory()) return stats.mtimeMs > since ? file : null;
  for (const entry of readdirSync(file)) {
    if (IGNORED.has(entry)) continue;
    const newer = findNewerThan(path.join(file, entry), since);
    if (newer) return newer;
  }
  return null;
}
