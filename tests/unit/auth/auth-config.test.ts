import { expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';

test('defaults: no secret (a file is made instead), no public URL, 168-hour sessions, no OAuth', () => {
  const config = loadConfig({});
  expect(config.LAMBDASCOPE_AUTH_SECRET).toBeUndefined();
  expect(config.NEXTAUTH_URL).toBeUndefined();
  expect(config.LAMBDASCOPE_SESSION_HOURS).toBe(168);
  expect(config.GITHUB_ID).toBeUndefined();
});

test.each([
  [{ GITHUB_ID: 'id' }, 'GITHUB_SECRET', 'must be set when GITHUB_ID is'],
  [{ GITHUB_SECRET: 'secret' }, 'GITHUB_ID', 'must be set when GITHUB_SECRET is'],
  [{ GOOGLE_ID: 'id', GITHUB_ID: 'a', GITHUB_SECRET: 'b' }, 'GOOGLE_SECRET', 'must be set when GOOGLE_ID is'],
  [{ LAMBDASCOPE_AUTH_SECRET: 'short' }, 'LAMBDASCOPE_AUTH_SECRET', 'must be at least 32 characters'],
  [{ NEXTAUTH_URL: 'localhost:3000' }, 'NEXTAUTH_URL', 'must be an http(s):// URL'],
  [{ LAMBDASCOPE_SESSION_HOURS: '0' }, 'LAMBDASCOPE_SESSION_HOURS', expect.any(String) as unknown as string],
])('%j is refused, naming %s', (environment, variable, message) => {
  try {
    loadConfig(environment);
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toEqual(expect.stringContaining(typeof message === 'string' ? message : ''));
  }
});

test('both halves of a pair turn the provider on', () => {
  const config = loadConfig({ GOOGLE_ID: 'id', GOOGLE_SECRET: 'secret', NEXTAUTH_URL: 'https://scope.example.com' });
  expect([config.GOOGLE_ID, config.GOOGLE_SECRET, config.NEXTAUTH_URL]).toEqual(['id', 'secret', 'https://scope.example.com']);
});
