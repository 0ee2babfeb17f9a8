import { scanPlatformFields } from './scan-platform-fields';

/** scanPlatformFields for the rarer lines, with the key and value as strings. */
export function readPlatformFields(text: string, from: number, visit: (key: string, value: string) => void): void {
  scanPlatformFields(text, from, (keyStart, keyEnd, valueStart, valueEnd) => visit(text.slice(keyStart, keyEnd), text.slice(valueStart, valueEnd)));
}
