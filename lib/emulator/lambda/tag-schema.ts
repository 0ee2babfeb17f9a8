import { z } from 'zod';
import { invalidParameterValue } from '../protocol/aws-error';

/** AWS's tag limits: the Lambda model leaves the strings unconstrained, so the service checks them itself. */
const maxTagsPerFunction = 50;
const maxKeyCharacters = 128;
const maxValueCharacters = 256;

/** The `Tags` member of CreateFunction and TagResource: a map of string to string. */
export const tagsMember = z.record(z.string(), z.string({ error: 'Map value must be a string' }), {
  error: 'Member must not be null',
});

/** Counts characters as AWS does (Unicode code points), not UTF-16 units. */
const characters = (text: string) => [...text].length;

/** Each key is 1–128 characters and outside the `aws:` namespace; each value is at most 256 characters. */
export function requireValidTags(tags: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(tags)) {
    if (characters(key) < 1 || characters(key) > maxKeyCharacters) {
      throw invalidParameterValue(
        `The tag key '${key}' is invalid: a tag key must be 1 to ${maxKeyCharacters} characters long (got ${characters(key)}).`,
      );
    }
    // AWS reserves the prefix in any letter case for its own tags.
    if (key.toLowerCase().startsWith('aws:')) {
      throw invalidParameterValue(`The tag key '${key}' is invalid: keys starting with 'aws:' are reserved for use by AWS.`);
    }
    if (characters(value) > maxValueCharacters) {
      throw invalidParameterValue(
        `The value of tag '${key}' is invalid: a tag value must be at most ${maxValueCharacters} characters long (got ${characters(value)}).`,
      );
    }
  }
  return tags;
}

/** A function holds at most 50 tags, counting the ones it already has. */
export function requireTagLimit(tags: Record<string, string>): Record<string, string> {
  if (Object.keys(tags).length > maxTagsPerFunction) {
    // AWS's own wording; the limit is added so the caller need not look it up.
    throw invalidParameterValue(`Number of tags exceeds resource tag limit. A function can have at most ${maxTagsPerFunction} tags.`);
  }
  return tags;
}
