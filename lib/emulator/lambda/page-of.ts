import { invalidParameterValue } from '../protocol/aws-error';

export type Page<T> = { items: T[]; nextMarker?: string };

/** Marker/MaxItems paging as the Lambda API does it; the marker is an opaque offset token. */
export function pageOf<T>(items: T[], options: { marker: string | undefined; maxItems: number }): Page<T> {
  const start = options.marker === undefined ? 0 : decodeMarker(options.marker);
  const end = start + options.maxItems;
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.nextMarker = Buffer.from(`offset:${end}`).toString('base64url');
  return page;
}

function decodeMarker(marker: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!match?.[1]) throw invalidParameterValue(`Invalid Marker: ${marker}`);
  return Number(match[1]);
}
