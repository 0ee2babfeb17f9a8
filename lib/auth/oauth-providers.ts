import type { Provider } from 'next-auth/providers/index';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import type { AppConfig } from '../config';

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub and Google, each only when both its variables are set. Both report whether the email is
 * verified (`email_verified` on the profile): Google says so itself; for GitHub we ask for the
 * account's emails and take the primary one only if GitHub verified it.
 */
export function oauthProviders(config: Pick<AppConfig, 'GITHUB_ID' | 'GITHUB_SECRET' | 'GOOGLE_ID' | 'GOOGLE_SECRET'>): Provider[] {
  const providers: Provider[] = [];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: config.GITHUB_ID,
        clientSecret: config.GITHUB_SECRET,
        userinfo: {
          url: 'https://api.github.com/user',
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token as string);
            const response = await fetch('https://api.github.com/user/emails', {
              headers: { Authorization: `Bearer ${tokens.access_token as string}`, Accept: 'application/vnd.github+json' },
            });
            const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
            const primary = emails.find((entry) => entry.primary && entry.verified);
            return { ...profile, email: primary?.email, email_verified: Boolean(primary) };
          },
        },
      }),
    );
  }
  if (config.GOOGLE_ID && config.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_ID, clientSecret: config.GOOGLE_SECRET }));
  }
  return providers;
}
