import { describe, expect, test } from 'vitest';
import { emulatorOptionsFrom } from '../../lib/cli/emulator-command';
import { ConfigError, loadConfig } from '../../lib/config';

describe('emulator options: a flag, then the environment, then the command’s default', () => {
  test.each([
    ['the command default', {}, {}, 0.1],
    ['the flag over the default', { 'time-scale': '0.5' }, {}, 0.5],
    ['no command default means AWS’s pace', {}, undefined, 1],
  ] as const)('time scale from %s', (_case, flags, commandDefaults, expected) => {
    const options = emulatorOptionsFrom({ ...flags }, commandDefaults === undefined ? {} : { timeScale: 0.1, ...commandDefaults });
    expect(options.timeScale).toBe(expected);
  });

  test('--in-memory keeps no data directory; otherwise it lives under LAMBDASCOPE_DATA_DIR', () => {
    expect(emulatorOptionsFrom({ 'in-memory': true }).dataDir).toBeNull();
    expect(emulatorOptionsFrom({}).dataDir).toMatch(/\.data\/emulator$/);
  });
});

describe('lib/config.ts names the variable that is wrong', () => {
  test.each([
    [{ LAMBDASCOPE_EMULATOR_PORT: 'eighty' }, 'LAMBDASCOPE_EMULATOR_PORT'],
    [{ LAMBDASCOPE_EMULATOR_TIME_SCALE: '-2' }, 'LAMBDASCOPE_EMULATOR_TIME_SCALE'],
    [{ LAMBDASCOPE_EMULATOR_LOGS_THROTTLE_RATE: '1.5' }, 'LAMBDASCOPE_EMULATOR_LOGS_THROTTLE_RATE'],
    [{ AWS_REGION: 'moon' }, 'AWS_REGION'],
  ])('%j', (environment, variable) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(new RegExp(`^${variable}: `));
  });

  test('defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ LAMBDASCOPE_EMULATOR_PORT: 4566, LAMBDASCOPE_DATA_DIR: '.data', AWS_REGION: 'us-east-1' });
  });
});
