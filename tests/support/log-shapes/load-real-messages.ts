import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonObject, parseJsonObject, type JsonObject } from './parse-json-object';

/**
 * - `event`: one CloudWatch event message, exact (`message`, `payload.logEvents[].message`,
 *   `events[].message`, Insights `@message`);
 * - `record`: one Telemetry/Logs API record or JSON document (`events` strings, JSON text blocks);
 * - `line`: a physical line as printed in a doc, README or issue (`lines`, `text`, `*.log`).
 */
export type Provenance = 'event' | 'record' | 'line';

export type RealMessage = {
  file: string;
  /** The item's `from` (path in the source repository), or the file name for `*.log`. */
  from: string;
  provenance: Provenance;
  /**
   * Exact CloudWatch event text with its tabs and line ends: the reference shape. Hand-typed test
   * constants and message fragments are not canonical, nor is anything pasted (`line`).
   */
  canonical: boolean;
  /** A Datadog snapshot message whose double-escaped `\\n`/`\\t` were turned back into the real characters. */
  normalised: boolean;
  /** Pasted lines put back together (a REPORT split one field per line, a traceback, a runtime-exit pair). */
  rejoined: boolean;
  text: string;
  /** The parsed object when the text is one JSON object. */
  json: JsonObject | null;
};

type Item = JsonObject & { from?: unknown; kind?: unknown; note?: unknown };

const defaultDir = fileURLToPath(new URL('../../../../shared/lambda-logs/real/', import.meta.url));

/** Every message of every sample file in `../shared/lambda-logs/real` (see its SOURCES.md for the layouts). */
export function loadRealMessages(dir: string = defaultDir): RealMessage[] {
  const messages: RealMessage[] = [];
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.log')) messages.push(...fromPastedText(text, { file, from: file, canonical: false }));
    if (!file.endsWith('.json')) continue;
    const document: unknown = JSON.parse(text);
    const items = isJsonObject(document) && Array.isArray(document.items) ? document.items : [];
    for (const item of items) if (isJsonObject(item)) messages.push(...fromItem(item, file));
  }
  return messages;
}

function fromItem(item: Item, file: string): RealMessage[] {
  const from = typeof item.from === 'string' ? item.from : file;
  const kind = typeof item.kind === 'string' ? item.kind : '';
  const note = typeof item.note === 'string' ? item.note : '';
  // SOURCES.md §1: the two integration snapshots double-escape newlines and tabs; undo it so they count.
  const doubleEscaped = /double-escap/i.test(note);
  const source = { file, from, canonical: kind !== 'message-fragment' && !/hand-(written|typed)/i.test(note) };
  const messages: RealMessage[] = [];
  for (const [field, value] of Object.entries(item)) {
    if (field === 'message' && typeof value === 'string') messages.push(event(source, value));
    else if (field === 'payload' || field === 'rows') messages.push(...walk(value, source));
    else if (field === 'events' && Array.isArray(value)) {
      for (const entry of value) {
        if (typeof entry === 'string') messages.push(...fromRecordText(entry, source));
        else messages.push(...walk(entry, source));
      }
    } else if ((field === 'lines' || field === 'text' || field === 'payload_text') && (typeof value === 'string' || Array.isArray(value))) {
      const joined = typeof value === 'string' ? value : value.filter((line): line is string => typeof line === 'string').join('\n');
      const documents = splitJsonDocuments(joined);
      if (documents) for (const document of documents) messages.push(...walk(document, source));
      else messages.push(...fromPastedText(joined, source));
    }
    // `raw_event` (the still-compressed original) and `headers` hold no log messages.
  }
  if (!doubleEscaped) return messages;
  return messages.map((message) =>
    message.provenance === 'event'
      ? { ...message, normalised: true, text: message.text.replaceAll('\\n', '\n').replaceAll('\\t', '\t').replaceAll('\\r', '\r') }
      : message,
  );
}

/** Finds event messages (`message`, `@message`) and `{time,type,record}` records anywhere in a JSON value. */
function walk(value: unknown, source: Source): RealMessage[] {
  if (Array.isArray(value)) return value.flatMap((entry) => walk(entry, source));
  if (!isJsonObject(value)) return [];
  if (typeof value.time === 'string' && typeof value.type === 'string' && 'record' in value) {
    return [{ ...source, provenance: 'record', canonical: false, normalised: false, rejoined: false, text: JSON.stringify(value), json: value }];
  }
  const message = value.message ?? value['@message'];
  if (typeof message === 'string') return [event(source, message)];
  return Object.values(value).flatMap((entry) => walk(entry, source));
}

/** One `events` string: a record, or an HTTP body holding an array of records. */
function fromRecordText(text: string, source: Source): RealMessage[] {
  const json = parseJsonObject(text);
  if (json) return [{ ...source, provenance: 'record', canonical: false, normalised: false, rejoined: false, text, json }];
  const documents = splitJsonDocuments(text);
  return documents ? documents.flatMap((document) => walk(document, source)) : [];
}

type Source = { file: string; from: string; canonical: boolean };

function event(source: Source, text: string): RealMessage {
  // A message the docs cut short with `...` has lost its real ending.
  const canonical = source.canonical && !/\.\.\.$/.test(text);
  return { ...source, canonical, provenance: 'event', normalised: false, rejoined: false, text, json: parseJsonObject(text) };
}

/**
 * Viewer prefixes added by consoles and `sam logs` (FORMATS.md §0.4): a markdown quote, a log
 * stream name, a viewer timestamp (masked or not). Removed only before a platform keyword, a
 * Python `[LEVEL]` or a Java `<request id> LEVEL`, so a Task-timed-out line keeps its own timestamp.
 */
const viewerPrefix = new RegExp(
  String.raw`^(?:> )?\s*(?:\d{4}\/\d{2}\/\d{2}\/\S*\[[^\]]+\][0-9a-f]{32} )?` +
    String.raw`(?:(?:\d{4}-\d{2}-\d{2}T[\d:.]+Z?|X{4}-X{2}-X{2}TX{2}:X{2}:X{2}\.X{3}-X{2}:X{2})\s+)?` +
    String.raw`(?=(?:INIT_START|INIT_REPORT|START|END|REPORT|XRAY|RESTORE_START|RESTORE_REPORT|EXTENSION) |\[[A-Z]+\]|[0-9a-f-]{36} [A-Z]+ )`,
);

const reportContinuation = /^(?:Duration|Billed Duration|Memory Size|Max Memory Used|Init Duration|Restore Duration|Billed Restore Duration|Status|Error Type): /;

/**
 * Pasted text, one message per line, with pasted breaks put back where the source split one
 * message over several lines: a REPORT with one field per line (FORMATS.md §0.4 [I2]), a Python
 * traceback (§2.2) and the runtime-exit pair (§1.9). Rejoined with `\n`, as the copy shows them.
 */
function fromPastedText(text: string, source: Source): RealMessage[] {
  const groups: Array<{ text: string; rejoined: boolean }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(viewerPrefix, '');
    if (line.trim() === '' || line.trim() === '...') continue;
    const previous = groups.at(-1);
    const continues =
      previous !== undefined &&
      ((previous.text.startsWith('REPORT ') && reportContinuation.test(line)) ||
        (previous.text.startsWith('[ERROR] ') && /^(?:Traceback |[\s\u00a0])/.test(line)) ||
        (/Runtime exited/.test(previous.text) && !previous.text.includes('\n') && /^Runtime\.\w+$/.test(line)));
    if (previous && continues) {
      previous.text += `\n${line}`;
      previous.rejoined = true;
    } else groups.push({ text: line, rejoined: false });
  }
  const wholeJson = parseJsonObject(text);
  const pasted: RealMessage[] = groups.map((group) => ({
    ...source,
    provenance: 'line',
    canonical: false,
    normalised: false,
    rejoined: group.rejoined,
    text: group.text,
    json: parseJsonObject(group.text),
  }));
  // A whole file that is one pretty-printed JSON record (an issue reporter's copy).
  if (wholeJson) pasted.push({ ...source, provenance: 'record', canonical: false, normalised: false, rejoined: true, text, json: wholeJson });
  return pasted;
}

/** Splits text made of concatenated JSON documents; null when anything else is in between or one fails to parse. */
function splitJsonDocuments(text: string): unknown[] | null {
  const documents: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      if (depth === 0) return null;
      inString = true;
    } else if (char === '{' || char === '[') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0) {
        try {
          documents.push(JSON.parse(text.slice(start, index + 1)));
        } catch {
          return null;
        }
      }
    } else if (depth === 0 && !/\s/.test(char ?? '')) return null;
  }
  return depth === 0 && documents.length > 0 ? documents : null;
}
