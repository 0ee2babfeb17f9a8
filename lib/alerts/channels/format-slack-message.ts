import type { AlertNotice } from '../alert-notice';

/** Slack's text escaping: these three characters are control characters in mrkdwn. */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string, label: string) => `<${url}|${escapeSlack(label)}>`;

const headline: Record<AlertNotice['kind'], string> = {
  firing: ':rotating_light: Firing',
  repeat: ':rotating_light: Still firing',
  resolved: ':white_check_mark: Resolved',
  test: ':test_tube: Test',
};

/**
 * An incoming-webhook message (Slack and compatible: Mattermost, Rocket.Chat read `text`): the
 * function, the value against the threshold, a link to the function page and, for failures, a
 * request to investigate. `text` carries everything for clients that ignore blocks. Pure.
 */
export function formatSlackMessage(notice: AlertNotice): { text: string; blocks: unknown[] } {
  const lines = [
    `*${headline[notice.kind]} — ${escapeSlack(notice.ruleName)}* (${notice.severity})`,
    `${link(notice.functionUrl, notice.functionName)}: ${escapeSlack(notice.signalLabel)} ${escapeSlack(notice.valueText)} (threshold ${escapeSlack(notice.thresholdText)} over ${escapeSlack(notice.windowText)})`,
  ];
  if (notice.sampleRequest) lines.push(`Investigate a failed request: ${link(notice.sampleRequest.url, notice.sampleRequest.requestId)}`);
  if (notice.runbookUrl) lines.push(`Runbook: ${link(notice.runbookUrl, notice.runbookUrl)}`);
  if (notice.description) lines.push(escapeSlack(notice.description));
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: `Lambdascope · since ${notice.since}` }] }] };
}
