import { isJsonObject } from './parse-json-object';
import { replaceValues } from './replace-values';

export type JsonRecordShape = {
  /** The `type` of a `{time,type,record}` envelope (`platform.report`), or null. */
  type: string | null;
  /** Every key path in document order: `record`, `record.metrics`, `record.metrics.durationMs`, `record.spans[].name`. */
  keys: string[];
  /**
   * Key path → value type: `<num>`, `<bool>`, `<null>`, `<obj>`, `<arr>`, or for strings the
   * placeholder of the whole value (`<ts>`, `<id>`, `<arn>`, `<runtime>`, `<hex>`) else `<str>`.
   * JSON numbers are all `<num>`: `500.0` and `500` parse alike, and producers differ (FORMATS.md §4.1).
   */
  types: Record<string, string>;
  /** One line, key order kept, values replaced: `{time:<ts>,type:"platform.start",record:{requestId:<id>}}`. */
  rendered: string;
};

/** The shape of a JSON record: its type, ordered key paths and value types (values themselves dropped). */
export function shapeJsonRecord(value: unknown): JsonRecordShape {
  const keys: string[] = [];
  const types: Record<string, string> = {};

  const visit = (node: unknown, path: string): string => {
    if (Array.isArray(node)) {
      if (path) types[path] = '<arr>';
      const itemPath = `${path}[]`;
      const rendered = node.map((item) => visit(item, itemPath));
      return `[${rendered[0] ?? ''}]`;
    }
    if (isJsonObject(node)) {
      if (path) types[path] = '<obj>';
      const members = Object.entries(node).map(([key, member]) => {
        const memberPath = path ? `${path}.${key}` : key;
        if (!keys.includes(memberPath)) keys.push(memberPath);
        // The envelope's type is grammar, not a value.
        if (memberPath === 'type' && typeof member === 'string') {
          types[memberPath] = '<str>';
          return `type:${JSON.stringify(member)}`;
        }
        return `${key}:${visit(member, memberPath)}`;
      });
      return `{${members.join(',')}}`;
    }
    const scalar = scalarType(node);
    if (path && !(path in types)) types[path] = scalar;
    return scalar;
  };

  const rendered = visit(value, '');
  const type = isJsonObject(value) && typeof value.type === 'string' ? value.type : null;
  return { type, keys, types, rendered };
}

function scalarType(value: unknown): string {
  if (typeof value === 'number') return '<num>';
  if (typeof value === 'boolean') return '<bool>';
  if (value === null) return '<null>';
  if (typeof value === 'string') {
    const replaced = replaceValues(value);
    return /^<[a-z]+>$/.test(replaced) && replaced !== '<n>' && replaced !== '<f>' ? replaced : '<str>';
  }
  return '<str>';
}
