import { findOutOfMemoryRuntime } from './find-out-of-memory-runtime';
import { findViewerPrefixEnd } from './find-viewer-prefix-end';
import type { LogEvent, LogRecord } from './log-record';
import { normaliseLineBreaks } from './normalise-line-breaks';
import { parseEndLine } from './parse-end-line';
import { parseExtensionLine } from './parse-extension-line';
import { parseGoLine } from './parse-go-line';
import { parseInitLine } from './parse-init-line';
import { parseJavaLine } from './parse-java-line';
import { parseJsonEvent } from './parse-json-event';
import { parseNodeLine } from './parse-node-line';
import { parsePythonLine } from './parse-python-line';
import { parseReportLine } from './parse-report-line';
import { parseRubyLine } from './parse-ruby-line';
import { parseRuntimeExit } from './parse-runtime-exit';
import { parseStartLine } from './parse-start-line';
import { parseTimestampedLine } from './parse-timestamped-line';

/**
 * One CloudWatch Logs event → one record (FORMATS.md §8). Pure and total: never throws, and what
 * is not understood comes back as `plain` with the message whole. One trailing `\n` (or `\r\n`) is
 * stripped first (§0.2); tabs never are, they are part of the REPORT grammar.
 */
export function parseLogEvent(event: LogEvent): LogRecord {
  const message: unknown = event?.message;
  if (typeof message !== 'string') return { kind: 'plain', message: message === undefined || message === null ? '' : String(message) };
  // Platform lines end in whitespace their grammar ignores: read them from the message itself, since
  // V8 walks a slice (the message minus its `\n`) markedly slower — this is most of ingest's volume.
  return parsePlatformLine(message) ?? parseText(stripLineEnd(message), 0);
}

function stripLineEnd(message: string): string {
  if (message.charCodeAt(message.length - 1) !== 10) return message;
  return message.charCodeAt(message.length - 2) === 13 ? message.slice(0, -2) : message.slice(0, -1);
}

/** A message found inside another (after a viewer prefix, in a Telemetry `function` record). */
function parseInner(text: string): LogRecord {
  return parsePlatformLine(text) ?? parseText(text, 1);
}

/** `depth` > 0 once a viewer prefix or leading whitespace was removed: each is removed at most once. */
function parseText(text: string, depth: number): LogRecord {
  return parseByFirstCharacter(text) ?? parseFallbacks(text, depth) ?? { kind: 'plain', message: text };
}

/** The `KEYWORD Key: value…` lines (FORMATS.md §1.1–§1.7), told apart by their first characters. */
function parsePlatformLine(text: string): LogRecord | null {
  switch (text.charCodeAt(0)) {
    case 83: // S
      return keywordAt(text, 'START') ? parseStartLine(text, 5) : null;
    case 69: // E
      if (keywordAt(text, 'END')) return parseEndLine(text, 3);
      return keywordAt(text, 'EXTENSION') ? parseExtensionLine(text, 'EXTENSION', 9) : null;
    case 82: // R
      if (keywordAt(text, 'REPORT')) return parseReportLine(text, 6);
      if (keywordAt(text, 'RESTORE_START')) return parseInitLine(text, 'RESTORE_START', 13);
      return keywordAt(text, 'RESTORE_REPORT') ? parseInitLine(text, 'RESTORE_REPORT', 14) : null;
    case 73: // I
      if (keywordAt(text, 'INIT_START')) return parseInitLine(text, 'INIT_START', 10);
      return keywordAt(text, 'INIT_REPORT') ? parseInitLine(text, 'INIT_REPORT', 11) : null;
    case 84: // T
      return keywordAt(text, 'TELEMETRY') ? parseExtensionLine(text, 'TELEMETRY', 9) : null;
    case 76: // L
      return keywordAt(text, 'LOGS') ? parseExtensionLine(text, 'LOGS', 4) : null;
    default:
      return null;
  }
}

/** Dispatch on the first characters before any regular expression (FORMATS.md §8). */
function parseByFirstCharacter(text: string): LogRecord | null {
  const first = text.charCodeAt(0);
  switch (first) {
    case 123: // {
      return parseJsonEvent(text, parseInner);
    case 91: // [
      return parsePythonLine(text);
    case 69: // E
      return text.startsWith('Error') ? parseRuntimeExit(text) : null;
    case 82: // R
      return text.startsWith('RequestId:') ? parseRuntimeExit(text) : null;
    default:
      if (first >= 48 && first <= 57) return parseTimestampedLine(text) ?? parseGoLine(text);
      return null;
  }
}

/** The rarer shapes, tried in order once the first characters did not decide. */
function parseFallbacks(text: string, depth: number): LogRecord | null {
  if (depth === 0) {
    const prefixEnd = findViewerPrefixEnd(text);
    if (prefixEnd > 0 && prefixEnd < text.length) {
      const inner = parseInner(text.slice(prefixEnd));
      if (inner.kind !== 'plain') return inner;
    }
  }
  const java = parseJavaLine(text);
  if (java) return java;
  if (text.charCodeAt(1) === 44 && text.charCodeAt(3) === 91) {
    const ruby = parseRubyLine(text);
    if (ruby) return ruby;
  }
  // A Node.js line whose timestamp is not ISO (masked `XXXX-XX-XX XX:XX:XX.XXX` in [S12]): the level column decides.
  const tab = text.indexOf('\t');
  if (tab > 0 && tab < 40) {
    const node = parseNodeLine(text, tab, true);
    if (node) return node;
  }
  const runtime = findOutOfMemoryRuntime(text);
  if (runtime !== null) return { kind: 'app', runtime, format: 'text', message: normaliseLineBreaks(text), outOfMemory: true };
  if (depth === 0 && isWhitespace(text.charCodeAt(0))) {
    const inner = parseInner(text.trimStart());
    if (inner.kind !== 'plain') return inner;
  }
  return null;
}

/** The keyword followed by whitespace (or the end), so `STARTED` or `ENDPOINT=` is not a platform line. */
function keywordAt(text: string, keyword: string): boolean {
  if (!text.startsWith(keyword)) return false;
  const next = text.charCodeAt(keyword.length);
  return Number.isNaN(next) || isWhitespace(next);
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
