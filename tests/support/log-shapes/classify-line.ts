import { parseJsonObject } from './parse-json-object';

/** Platform keywords (FORMATS.md §1) and the app-line families (§2, §4). */
export type LineKind =
  | 'INIT_START'
  | 'INIT_REPORT'
  | 'START'
  | 'END'
  | 'REPORT'
  | 'XRAY'
  | 'RESTORE_START'
  | 'RESTORE_REPORT'
  | 'EXTENSION'
  | 'task-timed-out'
  | 'runtime-exit'
  | 'platform-json'
  | 'app-json'
  | 'node-app'
  | 'python-app'
  | 'python-error'
  | 'other';

const keyword = /^(INIT_START|INIT_REPORT|START|END|REPORT|XRAY|RESTORE_START|RESTORE_REPORT|EXTENSION) /;

/** Which kind of CloudWatch line a message is, judged from its first characters as FORMATS.md §0.5 says. */
export function classifyLine(message: string): LineKind {
  const platform = keyword.exec(message)?.[1];
  if (platform) return platform as LineKind;
  if (/^\S+ \S+ Task timed out after /.test(message)) return 'task-timed-out';
  if (/^(?:RequestId: \S+ )?Error:? Runtime exited/.test(message)) return 'runtime-exit';
  const json = parseJsonObject(message);
  if (json) {
    if (typeof json.type === 'string' && json.type.startsWith('platform.')) return 'platform-json';
    if ('timestamp' in json && ('level' in json || 'log_level' in json)) return 'app-json';
    return 'other';
  }
  if (/^\[[A-Z]+\]\t/.test(message)) return 'python-app';
  if (/^\[ERROR\] [\w.]+(?::|$|\r|\n)/.test(message)) return 'python-error';
  if (/^[^\t\n]+\t[^\t\n]*\t[A-Z]+\t/.test(message)) return 'node-app';
  return 'other';
}
