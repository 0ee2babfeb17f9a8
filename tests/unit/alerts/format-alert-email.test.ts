import { expect, test } from 'vitest';
import type { AlertNotice } from '../../../lib/alerts/alert-notice';
import { sampleAlertNotice } from '../../support/sample-alert-notice';
import { formatAlertEmail } from '../../../lib/alerts/channels/format-alert-email';

const notice: AlertNotice = sampleAlertNotice;

test.each([
  ['firing', 'critical', '[FIRING critical] demo-flaky: error rate 12.5 % (> 5 %)'],
  ['firing', 'warning', '[FIRING warning] demo-flaky: error rate 12.5 % (> 5 %)'],
  ['repeat', 'info', '[STILL FIRING info] demo-flaky: error rate 12.5 % (> 5 %)'],
  ['resolved', 'critical', '[RESOLVED] demo-flaky: error rate 12.5 % (> 5 %)'],
  ['test', 'critical', '[TEST] demo-flaky: error rate 12.5 % (> 5 %)'],
] as const)('a %s %s notice has the subject %j', (kind, severity, subject) => {
  expect(formatAlertEmail({ ...notice, kind, severity }).subject).toBe(subject);
});

test.each([
  ['firing', 'Firing since 2026-11-22 08:05 UTC.'],
  ['repeat', 'Firing since 2026-11-22 08:05 UTC.'],
  ['resolved', 'Resolved at 2026-11-22 08:05 UTC.'],
  ['test', 'Sent at 2026-11-22 08:05 UTC.'],
] as const)('a %s notice says when, in UTC: %j', (kind, sentence) => {
  const email = formatAlertEmail({ ...notice, kind });
  expect(email.text).toContain(sentence);
  expect(email.html).toContain(sentence);
});

test('the text body carries the reading, the description and every link', () => {
  const { text } = formatAlertEmail(notice);
  expect(text.split('\n')).toEqual([
    'FIRING critical: Flaky errors',
    '',
    'demo-flaky: error rate is 12.5 % (threshold > 5 %) over 5 min.',
    'Firing since 2026-11-22 08:05 UTC.',
    '',
    'Errors above 5 % page the on-call engineer.',
    '',
    'Function: demo-flaky https://scope.example.com/functions/demo-flaky',
    'Request to investigate: 8f2c1d0e-1111-4222-8333-944455556666 https://scope.example.com/requests/8f2c1d0e-1111-4222-8333-944455556666',
    'Runbook: https://wiki.example.com/runbooks/flaky',
    '',
    '-- ',
    'Lambdascope',
    '',
  ]);
});

test('optional parts are left out when absent', () => {
  const { text, html } = formatAlertEmail({ ...notice, sampleRequest: undefined, runbookUrl: undefined, description: undefined });
  expect(text).not.toContain('Request to investigate');
  expect(text).not.toContain('Runbook');
  expect(html).not.toContain('Request to investigate');
  expect(html).not.toContain('Runbook');
  expect(text).toContain('Function: demo-flaky https://scope.example.com/functions/demo-flaky');
});

test('a test notice says that no alert is firing', () => {
  const { text, html } = formatAlertEmail({ ...notice, kind: 'test' });
  expect(text).toContain('This is a test notice: the channel works. No alert is firing.');
  expect(html).toContain('No alert is firing.');
});

test('the HTML body links the function, the request and the runbook, with inline styles and nothing external', () => {
  const { html } = formatAlertEmail(notice);
  expect(html).toContain('<a href="https://scope.example.com/functions/demo-flaky" style="color:#0969da">demo-flaky</a>');
  expect(html).toContain(
    '<a href="https://scope.example.com/requests/8f2c1d0e-1111-4222-8333-944455556666" style="color:#0969da">8f2c1d0e-1111-4222-8333-944455556666</a>',
  );
  expect(html).toContain('<a href="https://wiki.example.com/runbooks/flaky"');
  expect(html).not.toMatch(/<(img|link|script|style)\b/i);
  expect(html).not.toMatch(/\bsrc=/i);
  // Every URL in the HTML is one of ours: no tracking pixels, fonts or stylesheets.
  const urls = [...html.matchAll(/https?:\/\/[^"<\s]+/g)].map((match) => match[0]);
  expect(new Set(urls)).toEqual(new Set([notice.functionUrl, notice.sampleRequest?.url, notice.runbookUrl]));
});

test('every interpolated value is escaped in the HTML', () => {
  const hostile = '<script>alert("x")</script>&\'';
  const { html, text, subject } = formatAlertEmail({
    ...notice,
    ruleName: hostile,
    functionName: `fn-${hostile}`,
    functionUrl: `https://scope.example.com/functions/a"onmouseover="alert(1)`,
    signalLabel: hostile,
    valueText: hostile,
    thresholdText: hostile,
    windowText: hostile,
    sampleRequest: { requestId: hostile, url: `https://scope.example.com/requests/<b>` },
    runbookUrl: 'https://wiki.example.com/?a=1&b=<i>',
    description: `${hostile}\nsecond line`,
  });
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('"onmouseover');
  expect(html).not.toContain('<b>');
  expect(html).not.toContain('<i>');
  expect(html).toContain('fn-&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
  expect(html).toContain('href="https://scope.example.com/functions/a&#34;onmouseover=&#34;alert(1)"');
  expect(html).toContain('href="https://wiki.example.com/?a=1&#38;b=&#60;i&#62;"');
  expect(html).toContain('&#39;<br>second line');
  // The plain-text body and the subject are not HTML: they keep the text as it is.
  expect(text).toContain(`fn-${hostile}`);
  expect(subject).toContain(`fn-${hostile}`);
});

test.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example.com/runbook'])(
  'a runbook URL that is not http(s) (%s) is shown as text, never as a link',
  (runbookUrl) => {
    const { html } = formatAlertEmail({ ...notice, runbookUrl });
    expect(html).not.toMatch(/href="(javascript|data|\/\/)/i);
    expect(html).not.toContain('<script>');
  },
);

test('a name with a newline cannot break the subject header', () => {
  const { subject } = formatAlertEmail({ ...notice, functionName: 'demo\r\nBcc: victim@example.com', signalLabel: 'error\trate' });
  expect(subject).toBe('[FIRING critical] demo Bcc: victim@example.com: error rate 12.5 % (> 5 %)');
  expect(subject).not.toMatch(/[\r\n\t]/);
});

test.each([
  ['firing', 'critical', '#cf222e'],
  ['repeat', 'warning', '#9a6700'],
  ['firing', 'info', '#0969da'],
  ['resolved', 'critical', '#1a7f37'],
  ['test', 'critical', '#57606a'],
] as const)('a %s %s notice has a %s banner', (kind, severity, color) => {
  expect(formatAlertEmail({ ...notice, kind, severity }).html).toContain(`background:${color};`);
});
