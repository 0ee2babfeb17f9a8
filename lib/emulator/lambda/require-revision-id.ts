import { AwsError } from '../protocol/aws-error';

/** Optimistic locking as Lambda does it: a stale RevisionId means someone changed the resource since it was read. */
export function requireRevisionId(given: string | undefined, current: string): void {
  if (given === undefined || given === current) return;
  throw new AwsError(
    'PreconditionFailedException',
    'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    { status: 412 },
  );
}
