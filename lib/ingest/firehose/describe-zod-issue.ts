import type { z } from 'zod';

/** A zod error's first issue as `where: what`, the path written as in JSON (`records[2].data`). */
export function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  let where = '';
  for (const key of issue.path) where += typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${String(key)}`;
  return where ? `${where}: ${issue.message}` : issue.message;
}
