import type { IncomingHttpHeaders } from 'node:http';

export type EmulatorRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type EmulatorResponse = {
  status: number;
  headers?: Record<string, string>;
  /** A Buffer or string is sent as is; anything else is sent as JSON. */
  body?: unknown;
};

export type RequestHandler = (request: EmulatorRequest) => Promise<EmulatorResponse>;

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
