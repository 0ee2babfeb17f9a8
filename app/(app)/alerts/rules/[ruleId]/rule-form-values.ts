import type { AlertRuleFormValues } from '@/app/components/alert-rule-form';
import type { AlertRule } from '@/lib/db/generated/client';

export type StoredRule = Pick<
  AlertRule,
  'name' | 'scope' | 'functionId' | 'pattern' | 'tagKey' | 'tagValue' | 'signal' | 'comparison' | 'threshold' | 'windowMinutes' | 'forMinutes' | 'severity' | 'repeatMinutes' | 'runbookUrl' | 'description'
> & { channels: Array<{ channelId: number }> };

/** A stored rule as its edit form shows it (absent optional values as empty fields). */
export function formValuesOf(rule: StoredRule): AlertRuleFormValues {
  return {
    name: rule.name,
    scope: rule.scope === 'pattern' || rule.scope === 'tag' || rule.scope === 'all' ? rule.scope : 'function',
    functionId: rule.functionId,
    pattern: rule.pattern ?? '',
    tagKey: rule.tagKey ?? '',
    tagValue: rule.tagValue ?? '',
    signal: rule.signal,
    comparison: rule.comparison,
    threshold: rule.threshold,
    windowMinutes: rule.windowMinutes,
    forMinutes: rule.forMinutes,
    severity: rule.severity,
    repeatMinutes: rule.repeatMinutes,
    runbookUrl: rule.runbookUrl ?? '',
    description: rule.description ?? '',
    channelIds: rule.channels.map((channel) => channel.channelId),
  };
}

/** The form's values as the rule input they stand for, as the form would post them (empty fields absent): what alertRuleInputSchema parses. */
export function inputOf(values: AlertRuleFormValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== null));
}
