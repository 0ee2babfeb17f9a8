/**
 * The in-memory shape of the CloudWatch Logs store. Only the store and the journal replay mutate
 * the records; operations read them through the readonly views.
 */
export type StoredLogEvent = {
  /** Store-wide ingestion counter: orders events with equal timestamps and makes eventId unique. */
  readonly seq: number;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
  /** UTF-8 size of the message, kept so paging and storedBytes never re-measure it. */
  readonly bytes: number;
};

export type LogStreamRecord = {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly arn: string;
  readonly creationTime: number;
  /** Sorted by (timestamp, seq) so reads binary-search; in-order appends are a push. */
  readonly events: StoredLogEvent[];
  firstEventTimestamp: number | undefined;
  lastEventTimestamp: number | undefined;
  lastIngestionTime: number | undefined;
  /** seq of the newest ingested event; the upload sequence token is derived from it. */
  lastSeq: number | undefined;
  storedBytes: number;
};

export type LogGroupRecord = {
  readonly logGroupName: string;
  /** `…:log-group:<name>:*`, the form DescribeLogGroups reports as `arn`. */
  readonly arn: string;
  /** Without the trailing `:*`, as `logGroupArn` and `logGroupIdentifier` use it. */
  readonly logGroupArn: string;
  readonly creationTime: number;
  retentionInDays: number | undefined;
  storedBytes: number;
  readonly streams: Map<string, LogStreamRecord>;
  /** Kept sorted so DescribeLogStreams and prefix filters page by binary search. */
  readonly streamNames: string[];
};

export type LogStoreState = {
  readonly region: string;
  readonly accountId: string;
  readonly groups: Map<string, LogGroupRecord>;
  /** Kept sorted so DescribeLogGroups pages by binary search. */
  readonly groupNames: string[];
  nextSeq: number;
};

export type LogStreamView = Readonly<Omit<LogStreamRecord, 'events'>> & {
  readonly events: readonly StoredLogEvent[];
};

export type LogGroupView = Readonly<Omit<LogGroupRecord, 'streams' | 'streamNames'>> & {
  readonly streams: ReadonlyMap<string, LogStreamView>;
  readonly streamNames: readonly string[];
};
