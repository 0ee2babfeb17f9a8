import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { AppError } from '../errors';
import { describeBackfill } from '../ingest/backfill-progress';
import { testSourceConnection } from '../ingest/test-source-connection';
import { listSourceHealth, type SourceHealth } from '../metrics/list-source-health';
import { parseCommandFlags } from './parse-command-flags';

const usage = `Usage: lambdascope source add --name <name> --emulator <url>
       lambdascope source add --name <name> --region <region> [--profile <p>] [--role-arn <arn>] [--endpoint <url>]
       lambdascope source list [--json]

add   tests the connection (one ListFunctions call) and stores the source; the worker then ingests it.
      An AWS source uses the default credential chain unless --profile or --role-arn says otherwise.`;

const addSchema = z
  .object({
    name: z.string().min(1, 'is required').max(100),
    emulator: z.url({ message: 'must be a URL such as http://127.0.0.1:4566' }).optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1').optional(),
    profile: z.string().min(1).optional(),
    'role-arn': z.string().regex(/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN').optional(),
    endpoint: z.url().optional(),
  })
  .refine((flags) => flags.emulator !== undefined || flags.region !== undefined, { message: 'give --emulator <url> or --region <region>', path: ['region'] });

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
    const flags = addSchema.safeParse(parsed.options);
    if (!flags.success) {
      const issue = flags.error.issues[0];
      console.error(`--${String(issue?.path[0])}: ${issue?.message}\n\n${usage}`);
      return 2;
    }
    const source = {
      name: flags.data.name,
      kind: flags.data.emulator ? 'emulator' : 'aws',
      region: flags.data.region ?? 'us-east-1',
      endpoint: flags.data.emulator ?? flags.data.endpoint ?? null,
      profile: flags.data.profile ?? null,
      roleArn: flags.data['role-arn'] ?? null,
    };
    const { functionsVisible } = await testSourceConnection(source);
    const stored = await database.prisma.source.create({ data: source });
    console.log(`Added source ${stored.id} '${stored.name}' (${stored.kind}, ${stored.region})${functionsVisible ? '' : ': connected, no functions yet'}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.field ? `--${error.field}: ` : ''}${error.message}`);
      return 1;
    }
    if ((error as { code?: string }).code === 'P2002') {
      console.error(`--name: a source with that name exists already.`);
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
