/** A `logGroupIdentifier` is a name or an ARN (with or without the trailing `:*`); this is the name. */
export function logGroupNameFromIdentifier(identifier: string): string {
  return /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(identifier)?.[1] ?? identifier;
}
