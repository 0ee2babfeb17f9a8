import { zipSync, strToU8 } from 'fflate';

/** A deployment package built in memory: file name → source text. */
export function functionZip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

export const testRole = 'arn:aws:iam::000000000000:role/lambda-role';

/** A name no other test uses, so suites never share state. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
