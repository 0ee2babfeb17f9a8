import type { AlertNotice } from '../alert-notice';

export type AlertEmail = { subject: string; text: string; html: string };

const bannerColors = { critical: '#cf222e', warning: '#9a6700', info: '#0969da', resolved: '#1a7f37', test: '#57606a' } as const;

/**
 * An alert notice as an email: a subject that reads well in an inbox list, a plain-text body, and a
 * simple HTML body (inline styles, no images or external resources; every value escaped, since rule
 * and function names come from users and from AWS).
 */
export function formatAlertEmail(notice: AlertNotice): AlertEmail {
  const tag = describeKind(notice);
  const reading = `${notice.signalLabel} ${notice.valueText} (${notice.thresholdText})`;
  const subject = singleLine(`[${tag}] ${notice.functionName}: ${reading}`);
  const summary = `${notice.functionName}: ${notice.signalLabel} is ${notice.valueText} (threshold ${notice.thresholdText}) over ${notice.windowText}.`;
  const when = describeSince(notice);
  const testNote = notice.kind === 'test' ? 'This is a test notice: the channel works. No alert is firing.' : undefined;

  const links: Array<{ label: string; url: string; text: string }> = [{ label: 'Function', url: notice.functionUrl, text: notice.functionName }];
  if (notice.sampleRequest) links.push({ label: 'Request to investigate', url: notice.sampleRequest.url, text: notice.sampleRequest.requestId });
  if (notice.runbookUrl) links.push({ label: 'Runbook', url: notice.runbookUrl, text: notice.runbookUrl });

  const text = [
    `${tag}: ${notice.ruleName}`,
    '',
    summary,
    when,
    ...(testNote ? [testNote] : []),
    ...(notice.description ? ['', notice.description] : []),
    '',
    ...links.map((link) => (link.text === link.url ? `${link.label}: ${link.url}` : `${link.label}: ${link.text} ${link.url}`)),
    '',
    '-- ',
    'Lambdascope',
    '',
  ].join('\n');

  const color = notice.kind === 'firing' || notice.kind === 'repeat' ? bannerColors[notice.severity] : bannerColors[notice.kind];
  const paragraph = (content: string) => `<p style="margin:0 0 12px">${content}</p>`;
  const html = [
    '<!doctype html>',
    '<html><body style="margin:0;padding:16px;background:#f6f8fa;font-family:-apple-system,\'Segoe UI\',Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:6px">',
    `<div style="background:${color};color:#ffffff;padding:12px 16px;border-radius:6px 6px 0 0;font-weight:600">${escapeHtml(tag)}: ${escapeHtml(notice.ruleName)}</div>`,
    '<div style="padding:16px">',
    paragraph(
      `<strong>${escapeHtml(notice.functionName)}</strong>: ${escapeHtml(notice.signalLabel)} is <strong>${escapeHtml(notice.valueText)}</strong> ` +
        `(threshold ${escapeHtml(notice.thresholdText)}) over ${escapeHtml(notice.windowText)}.`,
    ),
    paragraph(escapeHtml(when)),
    ...(testNote ? [paragraph(`<em>${escapeHtml(testNote)}</em>`)] : []),
    ...(notice.description ? [paragraph(escapeHtml(notice.description).replace(/\r?\n/g, '<br>'))] : []),
    '<table style="border-collapse:collapse">',
    ...links.map(
      (link) => `<tr><td style="padding:2px 12px 2px 0;color:#57606a;vertical-align:top">${escapeHtml(link.label)}</td><td style="padding:2px 0">${htmlLink(link.url, link.text)}</td></tr>`,
    ),
    '</table>',
    '</div></div>',
    '<p style="max-width:600px;margin:8px auto 0;color:#57606a;font-size:12px">Sent by Lambdascope.</p>',
    '</body></html>',
    '',
  ].join('\n');

  return { subject, text, html };
}

function describeKind(notice: AlertNotice): string {
  switch (notice.kind) {
    case 'firing':
      return `FIRING ${notice.severity}`;
    case 'repeat':
      return `STILL FIRING ${notice.severity}`;
    case 'resolved':
      return 'RESOLVED';
    case 'test':
      return 'TEST';
  }
}

function describeSince(notice: AlertNotice): string {
  const at = formatUtc(new Date(notice.since));
  switch (notice.kind) {
    case 'firing':
    case 'repeat':
      return `Firing since ${at}.`;
    case 'resolved':
      return `Resolved at ${at}.`;
    case 'test':
      return `Sent at ${at}.`;
  }
}

/** Minutes in UTC, the same in every recipient's mail client: "2026-11-22 08:05 UTC". */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A subject is one header line: a name with a newline or control character must not break it. */
function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** A link only for http(s) URLs; anything else (a `javascript:` runbook, say) is shown as inert text. */
function htmlLink(url: string, text: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(text === url ? url : `${text} ${url}`);
  return `<a href="${escapeHtml(url)}" style="color:#0969da">${escapeHtml(text)}</a>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
