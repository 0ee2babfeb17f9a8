import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseLogEvent, type LogEvent } from '../lambda-logs';
import { parseCommandFlags } from './parse-command-flags';

const help = `Usage: lambdascope parse [file]

Parses AWS Lambda log events (Text and JSON log formats) and prints one JSON record per event (NDJSON).
The input is detected from its content:
  - the JSON that 'aws logs filter-log-events' or 'aws logs get-log-events' prints ({"events":[…]}),
    or a decoded CloudWatch Logs subscription payload ({"logEvents":[…]});
  - otherwise plain text, one event per line.
With no file, or '-', it reads standard input.

Options:
  -h, --help   This help

Example: aws logs filter-log-events --log-group-name /aws/lambda/my-fn | lambdascope parse`;

type ParseOptions = { help: boolean; file: string };

/** `lambdascope parse [file]`: exit 0 with NDJSON on stdout, 2 when the input cannot be read. */
export async function runParseCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags<ParseOptions>(help, () => {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (positionals.length > 1) throw new Error(`lambdascope parse takes one file, got ${positionals.length}: ${positionals.join(' ')}`);
    return { help: values.help ?? false, file: positionals[0] ?? '-' };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { file } = parsed.options;

  let input: string;
  try {
    input = file === '-' ? await readStandardInput() : await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    console.error(`lambdascope parse: cannot read '${file}': ${reason}`);
    return 2;
  }
  await writeLines(readEvents(input).map((event) => JSON.stringify(parseLogEvent(event))));
  return 0;
}

/** The events of AWS CLI / subscription JSON, else one event per non-empty line of text. */
function readEvents(input: string): LogEvent[] {
  const trimmed = input.trimStart();
  if (trimmed.startsWith('{')) {
    const events = eventsOf(trimmed);
    if (events) return events;
  }
  return input.split(/\r?\n/).filter((line) => line !== '').map((message) => ({ message }));
}

function eventsOf(text: string): LogEvent[] | null {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null) return null;
  const list = 'events' in document ? document.events : 'logEvents' in document ? document.logEvents : undefined;
  if (!Array.isArray(list)) return null;
  return list.map((entry: unknown) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as { message?: unknown; timestamp?: unknown }) : {};
    const event: LogEvent = { message: typeof record.message === 'string' ? record.message : '' };
    if (typeof record.timestamp === 'number') event.timestamp = record.timestamp;
    return event;
  });
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes in blocks and waits for the pipe to drain, so a large input does not buffer all its output. */
async function writeLines(lines: string[]): Promise<void> {
  for (let start = 0; start < lines.length; start += 1000) {
    const block = `${lines.slice(start, start + 1000).join('\n')}\n`;
    if (!process.stdout.write(block)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
