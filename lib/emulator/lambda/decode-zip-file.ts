import { invalidParameterValue, requestTooLarge } from '../protocol/aws-error';

/** AWS's limit for a ZIP uploaded directly (not through S3). */
const MAX_DIRECT_ZIP_BYTES = 50 * 1024 * 1024;

/** Decodes `Code.ZipFile` (a restJson1 blob: base64) and applies AWS's upload limit. */
export function decodeZipFile(base64: string, operation: 'CreateFunction' | 'UpdateFunctionCode'): Buffer {
  const zip = Buffer.from(base64, 'base64');
  if (zip.length === 0) throw invalidParameterValue('Code.ZipFile is empty or not base64.');
  if (zip.length > MAX_DIRECT_ZIP_BYTES) {
    throw requestTooLarge(`Request must be smaller than ${MAX_DIRECT_ZIP_BYTES} bytes for the ${operation} operation`);
  }
  return zip;
}
