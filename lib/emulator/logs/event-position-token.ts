import type { EventPosition } from './find-event-index';
import { invalidNextToken } from './logs-errors';

/*
 * GetLogEvents tokens in AWS's shape, `f/<56 digits>/s` and `b/<56 digits>/s`. The digits are a
 * gap in the stream's (timestamp, seq) order: forward pages start at it, backward pages end
 * before it, so late-arriving events never shift a token the way an index would.
 */

export type PositionToken = { direction: 'f' | 'b'; position: EventPosition };

const TIMESTAMP_DIGITS = 20;
const SEQ_DIGITS = 36;

export function formatPositionToken({ direction, position }: PositionToken): string {
  const digits = String(position.timestamp).padStart(TIMESTAMP_DIGITS, '0') + String(position.seq).padStart(SEQ_DIGITS, '0');
  return `${direction}/${digits}/s`;
}

/** Throws InvalidParameterException for a token this emulator did not issue. */
export function parsePositionToken(token: string): PositionToken {
  const match = /^([fb])\/(\d{56})(?:\/s)?$/.exec(token);
  const direction = match?.[1];
  const digits = match?.[2];
  if ((direction !== 'f' && direction !== 'b') || digits === undefined) throw invalidNextToken();
  const timestamp = Number(digits.slice(0, TIMESTAMP_DIGITS));
  const seq = Number(digits.slice(TIMESTAMP_DIGITS));
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(seq)) throw invalidNextToken();
  return { direction, position: { timestamp, seq } };
}
