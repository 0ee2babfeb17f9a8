/** awsQuery responses: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` in the service's XML namespace. */
export type QueryResponse = {
  action: string;
  result: object;
  requestId: string;
  xmlNamespace: string;
  /** Members that are maps on the wire (`<entry><key/><value/></entry>`) rather than structures. */
  mapMembers?: ReadonlySet<string>;
};

export type QueryErrorResponse = {
  code: string;
  message: string;
  type: 'Sender' | 'Receiver';
  requestId: string;
  xmlNamespace: string;
};

export function encodeQueryResponse(response: QueryResponse): string {
  const maps = response.mapMembers ?? new Set<string>();
  const result = encodeMembers(response.result, maps);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${response.action}Response xmlns="${escapeXml(response.xmlNamespace)}">` +
    `<${response.action}Result>${result}</${response.action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(response.requestId)}</RequestId></ResponseMetadata>` +
    `</${response.action}Response>`
  );
}

export function encodeQueryError(error: QueryErrorResponse): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse xmlns="${escapeXml(error.xmlNamespace)}">` +
    `<Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(error.requestId)}</RequestId>` +
    `</ErrorResponse>`
  );
}

// Characters XML 1.0 cannot carry even as references, and unpaired UTF-16 surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Escapes text for element content or an attribute; `\r` is a reference so parsers do not fold it into `\n`. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r]/g, (character) => ESCAPES[character] ?? character);
}

function encodeMembers(value: object, maps: ReadonlySet<string>): string {
  return Object.entries(value)
    .map(([name, member]) => encodeElement(name, member, maps))
    .join('');
}

function encodeElement(name: string, value: unknown, maps: ReadonlySet<string>): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${encodeContent(name, value, maps)}</${name}>`;
}

function encodeContent(name: string, value: unknown, maps: ReadonlySet<string>): string {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map((item) => encodeElement('member', item, maps)).join('');
  if (typeof value === 'object' && value !== null) {
    if (!maps.has(name)) return encodeMembers(value, maps);
    return Object.entries(value)
      .map(([key, entry]) => `<entry><key>${escapeXml(key)}</key>${encodeElement('value', entry, maps)}</entry>`)
      .join('');
  }
  return escapeXml(String(value));
}
