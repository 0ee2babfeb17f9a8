import { z } from 'zod';
import { channelSettingsSchemas } from './channels/channel-settings';

const name = z.string().trim().min(1, 'is required').max(100, 'at most 100 characters');
/** A webhook's signing key or an SMTP password: stored sealed, never shown again. */
const secret = z.string().min(1).max(1_000).optional();

/** A channel as an editor describes it. */
export const alertChannelInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('slack'), name, settings: channelSettingsSchemas.slack }).strict(),
  z.object({ kind: z.literal('webhook'), name, settings: channelSettingsSchemas.webhook, secret: secret.refine((value) => value === undefined || value.length >= 16, 'at least 16 characters') }).strict(),
  z.object({ kind: z.literal('email'), name, settings: channelSettingsSchemas.email, secret }).strict(),
]);

export type AlertChannelInput = z.output<typeof alertChannelInputSchema>;
