import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema } from './account-schemas';

const passwordsMatch = (input: { password: string; confirmPassword: string }) => input.password === input.confirmPassword;
const mismatch = { message: 'does not match the password', path: ['confirmPassword'] };

/** The setup form: name, email, password typed twice. */
export const newAccountSchema = z
  .object({ name: nameSchema, email: emailSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine(passwordsMatch, mismatch);

/** The invitation form: the invitation fixes the email; name and password typed twice. */
export const joinSchema = z.object({ name: nameSchema, password: passwordSchema, confirmPassword: z.string() }).refine(passwordsMatch, mismatch);
