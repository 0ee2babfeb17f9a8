import { z } from 'zod';

/*
 * Field constraints from the CloudWatch Logs API model, with AWS's own wording so validation
 * errors read like the real service's.
 */

const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'Member must not be null' : 'Member must be a string') });

const lengthBetween = (min: number, max: number) =>
  requiredString()
    .min(min, `Member must have length greater than or equal to ${min}`)
    .max(max, `Member must have length less than or equal to ${max}`);

export const logGroupNameSchema = lengthBetween(1, 512).regex(
  /^[.\-_/#A-Za-z0-9]+$/,
  'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
);

export const logGroupIdentifierSchema = lengthBetween(1, 2048).regex(
  /^[\w#+=/:,.@-]*$/,
  'Member must satisfy regular expression pattern: [\\w#+=/:,.@-]*',
);

export const logStreamNameSchema = lengthBetween(1, 512).regex(
  /^[^:*]*$/,
  'Member must satisfy regular expression pattern: [^:*]*',
);

export const nextTokenSchema = lengthBetween(1, 4096);

export const timestampSchema = z
  .number({ error: 'Member must be a number' })
  .int('Member must be an integer')
  .min(0, 'Member must have value greater than or equal to 0');

export const limitSchema = (max: number) =>
  z
    .number({ error: 'Member must be a number' })
    .int('Member must be an integer')
    .min(1, 'Member must have value greater than or equal to 1')
    .max(max, `Member must have value less than or equal to ${max}`);

/** Either a name or a name-or-ARN, as every read operation accepts. */
export const logGroupReferenceSchema = z.object({
  logGroupName: logGroupNameSchema.optional(),
  logGroupIdentifier: logGroupIdentifierSchema.optional(),
});
