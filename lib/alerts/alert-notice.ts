import type { AlertNotification } from './step-alert-state';

/** What a notification says, fixed when it is decided and stored with it in the outbox. */
export type AlertNotice = {
  kind: AlertNotification | 'test';
  ruleId: number;
  ruleName: string;
  severity: 'info' | 'warning' | 'critical';
  functionId: number;
  functionName: string;
  /** Absolute link to the function page. */
  functionUrl: string;
  signal: string;
  signalLabel: string;
  value: number | null;
  valueText: string;
  thresholdText: string;
  windowText: string;
  /** When the state it reports began (ISO 8601): firing since, resolved at, or when a test was sent. */
  since: string;
  /** For failures: a request to investigate. */
  sampleRequest?: { requestId: string; url: string };
  runbookUrl?: string;
  description?: string;
};
