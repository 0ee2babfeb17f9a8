import { parseArgs } from 'node:util';
import { createClients, emulatorCredentials } from '../aws/create-clients';
import { deployDemo } from '../emulator/demo/deploy-demo';
import { driveDemoRound } from '../emulator/demo/drive-demo-traffic';
import { startEmulator } from '../emulator/start-emulator';
import { emulatorFlagOptions, emulatorOptionsFrom, untilStopped } from './emulator-command';

const help = `Usage: lambdascope demo [--rounds <n>] [emulator options]
       lambdascope start [emulator options]

demo   starts an emulator, deploys the demo functions, drives <n> rounds of traffic (default 10), stops.
start  does the same and keeps traffic flowing every few seconds until Ctrl-C.
Emulator options are those of 'lambdascope emulator --help'.`;

const ROUND_INTERVAL_MS = 3_000;

export async function runDemoCommand(argv: string[], mode: { keepRunning: boolean }): Promise<number> {
  let options;
  let rounds = 10;
  try {
    const { values } = parseArgs({ args: argv, options: { ...emulatorFlagOptions, rounds: { type: 'string' } }, strict: true });
    const { rounds: roundsFlag, ...emulatorFlags } = values;
    options = emulatorOptionsFrom({ quiet: true, ...emulatorFlags });
    if (roundsFlag !== undefined) {
      rounds = Number(roundsFlag);
      if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: must be a whole number ≥ 1');
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (options.help) {
    console.log(help);
    return 0;
  }
  const { help: _help, ...emulatorOptions } = options;
  // Demo retries should show within minutes, not the ~3 AWS takes.
  const emulator = await startEmulator({ timeScale: 0.1, ...emulatorOptions });
  const { lambda } = createClients({ region: emulator.settings.region, endpoint: emulator.url, credentials: emulatorCredentials });
  console.log(`Lambda emulator on ${emulator.url}; deploying the demo functions…`);
  await deployDemo(lambda);
  if (!mode.keepRunning) {
    for (let round = 1; round <= rounds; round += 1) await driveDemoRound(lambda, round);
    console.log(`Drove ${rounds} rounds of traffic. Try: aws --endpoint-url ${emulator.url} logs filter-log-events --log-group-name /aws/lambda/demo-flaky`);
    await emulator.close();
    return 0;
  }
  console.log(`Demo traffic flowing every ${ROUND_INTERVAL_MS / 1000} s. Ctrl-C stops everything; the data stays in ${emulator.settings.dataDir ?? 'memory'}.`);
  let round = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      round += 1;
      await driveDemoRound(lambda, round);
      await new Promise((resolve) => setTimeout(resolve, ROUND_INTERVAL_MS));
    }
  })();
  await untilStopped(emulator, () => {
    running = false;
  });
  await loop.catch(() => undefined);
  return 0;
}
