import { z } from 'zod';

/** Emails are compared and stored lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));
export const nameSchema = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
/** Long beats complicated: a length floor, and a ceiling that keeps hashing cheap. */
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
