import type { AlertNotice } from '../../lib/alerts/alert-notice';

/** A firing error-rate notice with every optional part, for tests of how channels present alerts. */
export const sampleAlertNotice: AlertNotice = {
  kind: 'firing',
  ruleId: 1,
  ruleName: 'Flaky errors',
  severity: 'critical',
  functionId: 1,
  functionName: 'demo-flaky',
  functionUrl: 'https://scope.example.com/functions/demo-flaky',
  signal: 'error_rate',
  signalLabel: 'error rate',
  value: 12.5,
  valueText: '12.5 %',
  thresholdText: '> 5 %',
  windowText: '5 min',
  since: '2026-11-22T08:05:42Z',
  sampleRequest: { requestId: '8f2c1d0e-1111-4222-8333-944455556666', url: 'https://scope.example.com/requests/8f2c1d0e-1111-4222-8333-944455556666' },
  runbookUrl: 'https://wiki.example.com/runbooks/flaky',
  description: 'Errors above 5 % page the on-call engineer.',
};
