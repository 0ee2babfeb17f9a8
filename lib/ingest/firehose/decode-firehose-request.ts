import { AppError } from '../../errors';
import { describeZodIssue } from './describe-zod-issue';
import { firehoseRequestSchema } from './firehose-request-schema';
import { gunzipLimited } from './gunzip-limited';
import { splitJsonDocuments } from './split-json-documents';
import { subscriptionMessageSchema, type DataMessage } from './subscription-message-schema';

/** A Firehose delivery, understood: its CloudWatch Logs data documents, control messages counted and dropped. */
export type FirehoseDelivery = {
  requestId: string;
  timestamp: number;
  documents: DataMessage[];
  controlMessages: number;
};

export type DecodeOptions = {
  /** The request's `Content-Encoding`: `gzip` when the stream compresses bodies, else none. */
  contentEncoding?: string | null;
  /** What the body and every record may expand to, together, once gunzipped. */
  maxDecodedBytes?: number;
};

const DEFAULT_MAX_DECODED_BYTES = 256 * 2 ** 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Body bytes → subscription documents (FORMATS.md §6.2–6.3). Each record's data is base64 of
 * gzipped newline-joined subscription JSON, or of that JSON itself when the stream decompresses.
 * Pure; every error is a validation AppError saying which part is wrong, so nothing of a bad
 * delivery is stored.
 */
export function decodeFirehoseRequest(body: Uint8Array, options: DecodeOptions = {}): FirehoseDelivery {
  let budget = options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES;
  const encoding = (options.contentEncoding ?? '').trim().toLowerCase();
  let bytes: Uint8Array = body;
  if (encoding === 'gzip') {
    bytes = gunzipLimited(body, { what: 'body', maxBytes: budget });
    budget -= bytes.length;
  } else if (encoding !== '' && encoding !== 'identity') {
    throw new AppError('validation', `Content-Encoding ${JSON.stringify(encoding)} is not supported (gzip or none)`, 'Content-Encoding');
  }
  const request = firehoseRequestSchema.safeParse(parseJson(decodeText(bytes, 'body'), 'body'));
  if (!request.success) throw new AppError('validation', `body: ${describeZodIssue(request.error)}`, 'body');

  const delivery: FirehoseDelivery = { requestId: request.data.requestId, timestamp: request.data.timestamp, documents: [], controlMessages: 0 };
  request.data.records.forEach((record, index) => {
    const where = `records[${index}].data`;
    let data: Uint8Array = Buffer.from(record.data, 'base64');
    if (isGzip(data)) {
      data = gunzipLimited(data, { what: where, maxBytes: budget });
      budget -= data.length;
    }
    for (const [position, text] of splitDocuments(decodeText(data, where), where).entries()) {
      const label = `${where} document ${position + 1}`;
      const message = subscriptionMessageSchema.safeParse(parseJson(text, label));
      if (!message.success) throw new AppError('validation', `${label}: ${describeZodIssue(message.error)}`, where);
      if (message.data.messageType === 'CONTROL_MESSAGE') delivery.controlMessages += 1;
      else delivery.documents.push(message.data);
    }
  });
  return delivery;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function decodeText(bytes: Uint8Array, where: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError('validation', `${where}: neither gzip nor UTF-8 text`, where);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('validation', `${where}: not valid JSON (${(error as Error).message})`, where);
  }
}

function splitDocuments(text: string, where: string): string[] {
  try {
    return splitJsonDocuments(text);
  } catch (error) {
    throw new AppError('validation', `${where}: ${(error as Error).message}`, where);
  }
}
