import { gunzipSync } from 'node:zlib';
import { AppError } from '../../errors';

/**
 * Gunzips `bytes` (every member, as `gzip -d` does), refusing to expand past `maxBytes`: a small
 * gzip bomb must not take the server's memory. Errors name `what` was being gunzipped.
 */
export function gunzipLimited(bytes: Uint8Array, options: { what: string; maxBytes: number }): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(1, options.maxBytes) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError('validation', `${options.what}: expands past ${formatMiB(options.maxBytes)} when gunzipped`, options.what);
    }
    throw new AppError('validation', `${options.what}: not valid gzip (${(error as Error).message})`, options.what);
  }
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
}
