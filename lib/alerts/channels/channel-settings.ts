import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .max(2_000, 'at most 2,000 characters')
  .url('must be a URL')
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// URL');

const emailAddress = z.string().trim().email('must be an email address').max(320);

/** What each kind of channel keeps in `settings` (its secret, if any, is sealed apart). */
export const channelSettingsSchemas = {
  slack: z.object({ url: httpUrl }).strict(),
  webhook: z.object({ url: httpUrl }).strict(),
  email: z
    .object({
      host: z.string().trim().min(1, 'is required').max(253),
      port: z.coerce.number().int().min(1).max(65535).default(587),
      /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
      secure: z.boolean().default(false),
      username: z.string().trim().max(320).optional(),
      from: emailAddress,
      to: z.array(emailAddress).min(1, 'needs at least one recipient').max(50),
    })
    .strict(),
} as const;

export const channelKinds = ['slack', 'webhook', 'email'] as const;
export type ChannelKind = (typeof channelKinds)[number];
export type ChannelSettings = { [K in ChannelKind]: z.output<(typeof channelSettingsSchemas)[K]> };

/** A stored channel's settings, typed by its kind: validated again on read, so a bad row fails loudly, not halfway through a send. */
export function parseChannelSettings<K extends ChannelKind>(kind: K, settings: unknown): ChannelSettings[K] {
  return channelSettingsSchemas[kind].parse(settings) as ChannelSettings[K];
}
