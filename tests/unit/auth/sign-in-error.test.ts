import { expect, test } from 'vitest';
import { describeSignInError, encodeSignInError } from '../../../lib/auth/sign-in-error';

test.each([
  [{ ok: false, reason: 'invalid' } as const, 'CredentialsSignin', 'Wrong email or password.'],
  [{ ok: false, reason: 'disabled' } as const, 'AccountDisabled', 'This account is disabled. Ask an admin to enable it.'],
  [{ ok: false, reason: 'rate_limited', retryAfterSeconds: 45 } as const, 'RateLimited-45', 'Too many sign-in attempts. Try again in 45 seconds.'],
  [{ ok: false, reason: 'rate_limited', retryAfterSeconds: 841 } as const, 'RateLimited-841', 'Too many sign-in attempts. Try again in 15 minutes.'],
])('%j travels as %s and reads "%s"', (refusal, code, message) => {
  expect(encodeSignInError(refusal)).toBe(code);
  expect(describeSignInError(code)).toBe(message);
});

test('an unknown code still reads as a sentence, never as the raw code', () => {
  expect(describeSignInError('<script>')).toBe('Signing in failed. Try again.');
});
