/** Sign-in attempts allowed per email and per IP within the window; the next is refused, right password or not. */
export type SignInLimits = { windowMs: number; perEmail: number; perIp: number };

export const defaultSignInLimits: SignInLimits = { windowMs: 15 * 60_000, perEmail: 5, perIp: 20 };
