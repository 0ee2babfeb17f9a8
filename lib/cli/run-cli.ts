import { runEmulatorCommand } from './emulator-command';
import { runDemoCommand } from './demo-command';
import { runParseCommand } from './parse-command';
import { runRequestCommand } from './request-command';
import { runFunctionsCommand } from './functions-command';
import { runSourceCommand } from './source-command';
import { runStartCommand } from './start-command';
import { runWorkerCommand } from './worker-command';

const usage = `Usage: lambdascope <command> [options]

Commands:
  emulator   Run the local AWS Lambda emulator (Lambda, CloudWatch Logs and metrics APIs)
  demo       Deploy the sample functions to an emulator and drive traffic that shows every signal
  start      The whole product: database, emulator with demo traffic, ingest worker and the web app
  parse      Parse Lambda log events (a file, stdin, or AWS CLI logs JSON) into NDJSON records
  request    Investigate one request id: its attempts, retries, errors and log lines
  functions  Every function's invocations, errors, cold starts, percentiles and cost over a range
  source     Add (connection tested) or list the sources to ingest: the emulator or an AWS account and region
  worker     Ingest every source's logs and metrics into the database, until Ctrl-C

Run 'lambdascope <command> --help' for a command's options.`;

/** Dispatches a CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'emulator':
      return runEmulatorCommand(rest);
    case 'demo':
      return runDemoCommand(rest);
    case 'start':
      return runStartCommand(rest);
    case 'parse':
      return runParseCommand(rest);
    case 'request':
      return runRequestCommand(rest);
    case 'functions':
      return runFunctionsCommand(rest);
    case 'source':
      return runSourceCommand(rest);
    case 'worker':
      return runWorkerCommand(rest);
    case undefined:
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 1 : 0;
    default:
      console.error(`Unknown command '${command}'.\n\n${usage}`);
      return 2;
  }
}
