import { getAuthSecret } from '../auth/get-auth-secret';
import type { AppConfig } from '../config';
import { deriveSecretBoxKey } from './secret-box';

/**
 * The key that seals alert-channel secrets at rest, derived from the app's one master secret
 * (LAMBDASCOPE_AUTH_SECRET or the generated `<data dir>/auth-secret`), so it needs no configuration
 * of its own. Rotating the master secret makes sealed secrets unreadable: they must be entered again.
 */
export function getSecretBoxKey(config: Pick<AppConfig, 'LAMBDASCOPE_AUTH_SECRET' | 'LAMBDASCOPE_DATA_DIR'>): Buffer {
  return deriveSecretBoxKey(getAuthSecret(config));
}
