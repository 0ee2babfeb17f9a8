import { runCli } from '../lib/cli/run-cli';

process.exitCode = await runCli(process.argv.slice(2));
