import { parseArgs } from 'node:util';
import { createClients, emulatorCredentials } from '../aws/create-clients';
import { deployDemo } from '../emulator/demo/deploy-demo';
import { driveDemoRound } from '../emulator/demo/drive-demo-traffic';
import { startEmulator } from '../emulator/start-emulator';
import { emulatorFlagOptions, emulatorOptionsFrom } from './emulator-command';
import { parseCommandFlags } from './parse-command-flags';

const help = `Usage: lambdascope demo [--rounds <n>] [emulator options]

Starts an emulator, deploys the demo functions, drives <n> rounds of traffic (default 10), stops.
For the whole product with continuous traffic, use 'lambdascope start'.
Emulator options are those of 'lambdascope emulator --help'.`;

const DEMO_TIME_SCALE = 0.1;

export async function runDemoCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandFlags(help, () => {
    const { values } = parseArgs({ args: argv, options: { ...emulatorFlagOptions, rounds: { type: 'string' } }, strict: true });
    const { rounds: roundsFlag, ...emulatorFlags } = values;
    const rounds = roundsFlag === undefined ? 10 : Number(roundsFlag);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: must be a whole number ≥ 1');
    // Demo retries should show within seconds, not the ~3 minutes AWS takes.
    return { ...emulatorOptionsFrom({ quiet: true, ...emulatorFlags }, { timeScale: DEMO_TIME_SCALE }), rounds };
  });
  if (parsed.kind === 'exit') return parsed.code;
  const { help: _help, rounds, ...emulatorOptions } = parsed.options;
  const emulator = await startEmulator(emulatorOptions);
  const { lambda } = createClients({ region: emulator.settings.region, endpoint: emulator.url, credentials: emulatorCredentials });
  console.log(`Lambda emulator on ${emulator.url}; deploying the demo functions…`);
  await deployDemo(lambda);
  for (let round = 1; round <= rounds; round += 1) await driveDemoRound(lambda, round);
  console.log(`Drove ${rounds} rounds of traffic. Try: aws --endpoint-url ${emulator.url} logs filter-log-events --log-group-name /aws/lambda/demo-flaky`);
  await emulator.close();
  return 0;
}
