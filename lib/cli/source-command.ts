import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { AppError } from '../errors';
import { describeBackfill } from '../ingest/backfill-progress';
import { createSource } from '../ingest/create-source';
import { sourceInputSchema } from '../ingest/source-input-schema';
import { listSourceHealth, type SourceHealth } from '../metrics/list-source-health';
import { parseCommandFlags } from './parse-command-flags';

const usage = `Usage: lambdascope source add --name <name> --emulator <url>
       lambdascope source add --name <name> --region <region> [--profile <p>] [--role-arn <arn>] [--endpoint <url>]
       lambdascope source list [--json]

add   tests the connection (one ListFunctions call) and stores the source; the worker then ingests it.
      An AWS source uses the default credential chain unless --profile or --role-arn says otherwise.`;

/** The API's field names as this command's flags. */
const flagOf = (field: string) => ({ roleArn: 'role-arn', endpoint: 'endpoint' })[field] ?? field;

export async function runSourceCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const parsed = parseCommandFlags(usage, () => {
    const { values } = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' }, emulator: { type: 'string' }, region: { type: 'string' }, profile: { type: 'string' },
        'role-arn': { type: 'string' }, endpoint: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (action !== 'add' && action !== 'list') throw new Error(`Unknown action '${action ?? ''}': use 'add' or 'list'.`);
    return { ...values, action, help: values.help ?? false };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const database = await openDatabase(loadConfig());
  try {
    if (parsed.options.action === 'list') {
      const sources = await listSourceHealth(database.prisma, { now: Date.now() });
      if (parsed.options.json) console.log(JSON.stringify(sources, null, 2));
      else for (const source of sources) console.log(describeSource(source));
      return 0;
    }
    const { options } = parsed;
    const flags = sourceInputSchema.safeParse(
      options.emulator !== undefined
        ? { kind: 'emulator', name: options.name, endpoint: options.emulator, region: options.region }
        : { kind: 'aws', name: options.name, region: options.region, profile: options.profile, roleArn: options['role-arn'], endpoint: options.endpoint },
    );
    if (!flags.success) {
      const issue = flags.error.issues[0];
      const field = String(issue?.path[0] ?? 'region');
      const message = issue?.code === 'invalid_type' && issue.input === undefined ? (field === 'region' ? 'give --emulator <url> or --region <region>' : 'is required') : issue?.message;
      console.error(`--${options.emulator !== undefined && field === 'endpoint' ? 'emulator' : flagOf(field)}: ${message}\n\n${usage}`);
      return 2;
    }
    const stored = await createSource(database.prisma, flags.data);
    console.log(`Added source ${stored.id} '${stored.name}' (${stored.kind}, ${stored.region})${stored.functionsVisible ? '' : ': connected, no functions yet'}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.field ? `--${flagOf(error.field)}: ` : ''}${error.message.replace(/^name: /, '')}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function describeSource(source: SourceHealth): string {
  const where = source.endpoint ?? source.region;
  const lag = source.ingestLagMs === null ? '' : `, ${Math.round(source.ingestLagMs / 1000)} s behind`;
  const failing = source.failingLogGroups.length > 0 ? `, ${source.failingLogGroups.length} log groups failing` : '';
  const error = source.lastError ? `\tlast error: ${source.lastError}` : '';
  return `${source.id}\t${source.name}\t${source.kind}\t${where}\t${source.logGroups} log groups${lag}, ${describeBackfill(source.backfill)}${failing}${error}`;
}
