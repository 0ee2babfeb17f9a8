import { classifyLine } from './classify-line';
import { parseJsonObject } from './parse-json-object';
import { replaceValues } from './replace-values';
import { shapeJsonRecord } from './shape-json-record';

/**
 * The shape of one CloudWatch message: values become typed placeholders (`<id>`, `<ts>`, `<f>`,
 * `<n>`, `<hex>`, `<runtime>`, `<arn>`, `<masked>`), free text in application messages becomes
 * `<text>`, and every separator is kept as it was (tab vs space, trailing `\t`, `\n`, `\r`).
 * A whole-line JSON object becomes its rendered record shape plus the whitespace that followed it.
 */
export function shapeOf(message: string): string {
  const json = parseJsonObject(message);
  if (json) return shapeJsonRecord(json).rendered + (/\s*$/.exec(message)?.[0] ?? '');
  switch (classifyLine(message)) {
    case 'node-app':
      return shapeNodeLine(message);
    case 'python-app':
      return shapePythonLine(message);
    case 'python-error':
      return shapePythonError(message);
    default:
      return replaceValues(message);
  }
}

/** The runtime's error labels are grammar (FORMATS.md §2.1): `<label> \t{json}`. */
const errorLabel = /^(?:\[[^\]\t]*\] )?(Invoke Error|Uncaught Exception|Unhandled Promise Rejection) \t(\{[\s\S]*\})$/;

/** `<ts>\t<id>\t<LEVEL>\t<message>`; request id `undefined` during INIT is kept literally. */
function shapeNodeLine(message: string): string {
  const [, timestamp = '', requestId = '', level = '', rest = ''] = /^([^\t]*)\t([^\t]*)\t([A-Z]+)\t([\s\S]*)$/.exec(message) ?? [];
  const { body, ending } = splitEnding(rest);
  const id = requestId === 'undefined' ? requestId : replaceValues(requestId);
  // A library prefix such as `[dd.trace_id=… dd.span_id=…] ` (FORMATS.md §2.1 [S12]) is not the runtime's grammar.
  const labelled = errorLabel.exec(body);
  const errorJson = labelled ? parseJsonObject(labelled[2] ?? '') : null;
  const column = labelled && errorJson ? `${labelled[1]} \t${shapeJsonRecord(errorJson).rendered}` : shapeText(body);
  return `${replaceValues(timestamp)}\t${id}\t${level}\t${column}${ending}`;
}

/** `[LEVEL]\t<ts>\t<id>\t<message>`; the id is empty during INIT (FORMATS.md §2.2). */
function shapePythonLine(message: string): string {
  const [, level = '', timestamp = '', requestId = '', rest = ''] = /^\[([A-Z]+)\]\t([^\t]*)\t([^\t]*)\t([\s\S]*)$/.exec(message) ?? [];
  const { body, ending } = splitEnding(rest);
  return `[${level}]\t${replaceValues(timestamp)}\t${replaceValues(requestId)}\t${shapeText(body)}${ending}`;
}

/** `[ERROR] <Type>: <message>` then `Traceback (most recent call last):` and indented frames, one event. */
function shapePythonError(message: string): string {
  const { body, ending } = splitEnding(message);
  return (
    body
      .split(/(\r\n|\r|\n)/)
      .map((part, index) => {
        if (index % 2 === 1) return part;
        const head = /^\[ERROR\] ([\w.]+)(: )?/.exec(part);
        if (head) return `[ERROR] <type>${head[2] ? ': <text>' : ''}`;
        if (part === 'Traceback (most recent call last):') return part;
        const [, indent = '', code = ''] = /^([\s\u00a0]*)([\s\S]*)$/.exec(part) ?? [];
        return /^File "[^"]*", line \d+, in \S+$/.test(code) ? `${indent}File "<text>", line <n>, in <text>` : `${indent}<text>`;
      })
      .join('') + ending
  );
}

/** Free text collapses to `<text>`; line breaks inside it stay visible, as one repeated group. */
function shapeText(body: string): string {
  if (body === '') return '';
  const breaks = body.match(/\r\n|\r|\n/g) ?? [];
  const kinds = [...new Set(breaks)];
  if (kinds.length === 0) return '<text>';
  return `<text>(${kinds.map(escapeBreak).join('|')}<text>)+`;
}

function escapeBreak(lineBreak: string): string {
  return lineBreak.replace('\r', '\\r').replace('\n', '\\n');
}

/** Trailing line breaks are part of the event's grammar (FORMATS.md §0.2); keep them apart from the text. */
function splitEnding(text: string): { body: string; ending: string } {
  const ending = /[\r\n]*$/.exec(text)?.[0] ?? '';
  return { body: text.slice(0, text.length - ending.length), ending };
}
