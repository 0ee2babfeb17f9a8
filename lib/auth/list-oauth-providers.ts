import type { AppConfig } from '../config';

export type OAuthProviderChoice = { id: 'github' | 'google'; name: string };

/** The OAuth buttons the sign-in page shows: those whose two variables are set (see oauthProviders). */
export function listOAuthProviders(config: Pick<AppConfig, 'GITHUB_ID' | 'GITHUB_SECRET' | 'GOOGLE_ID' | 'GOOGLE_SECRET'>): OAuthProviderChoice[] {
  const choices: OAuthProviderChoice[] = [];
  if (config.GITHUB_ID && config.GITHUB_SECRET) choices.push({ id: 'github', name: 'GitHub' });
  if (config.GOOGLE_ID && config.GOOGLE_SECRET) choices.push({ id: 'google', name: 'Google' });
  return choices;
}
