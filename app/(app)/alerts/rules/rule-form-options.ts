import { alertSignals, comparisons, signalInfo } from '@/lib/alerts/alert-signals';

/** The choices a rule form offers (functions, channels, signals, comparisons), the same on the new and edit forms. */
export function ruleFormOptions(
  functions: ReadonlyArray<{ id: number; name: string; source: { name: string } }>,
  channels: ReadonlyArray<{ id: number; name: string; kind: string }>,
) {
  return {
    functions: functions.map((fn) => ({ id: fn.id, label: `${fn.name} (${fn.source.name})` })),
    channels: channels.map((channel) => ({ id: channel.id, name: channel.name, kind: channel.kind })),
    signals: alertSignals.map((signal) => ({ value: signal, label: signalInfo[signal].label, unit: signalInfo[signal].unit })),
    comparisons,
  };
}
