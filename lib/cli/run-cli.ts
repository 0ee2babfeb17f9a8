import { runEmulatorCommand } from './emulator-command';
import { runDemoCommand } from './demo-command';

const usage = `Usage: lambdascope <command> [options]

Commands:
  emulator   Run the local AWS Lambda emulator (Lambda, CloudWatch Logs and metrics APIs)
  demo       Deploy the sample functions to an emulator and drive traffic that shows every signal
  start      Run the emulator with the demo functions and continuous demo traffic

Run 'lambdascope <command> --help' for a command's options.`;

/** Dispatches a CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'emulator':
      return runEmulatorCommand(rest);
    case 'demo':
      return runDemoCommand(rest, { keepRunning: false });
    case 'start':
      return runDemoCommand(rest, { keepRunning: true });
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
