export const alertStateNames = ['ok', 'pending', 'firing', 'resolved'] as const;
export type AlertStateName = (typeof alertStateNames)[number];

/** Where one rule's alert for one function stands (alert_states without its keys). */
export type AlertStateRecord = {
  state: AlertStateName;
  /** When it entered this state: the end of the window that moved it. */
  since: Date;
  changeValue: number | null;
  lastValue: number | null;
  clearSince: Date | null;
  firedAt: Date | null;
  lastNotifiedAt: Date | null;
  acknowledgedAt: Date | null;
  /** Firing and resolving times of the last hour: how flapping is seen. */
  recentChanges: Date[];
};

export type AlertStep = {
  /** The end of the window judged: steps come in time order, a minute apart. */
  at: Date;
  value: number | null;
  breaching: boolean;
  forMinutes: number;
  repeatMinutes: number;
  /** Silenced or muted: the state moves as usual, but nothing is notified. */
  quiet: boolean;
};

export type AlertNotification = 'firing' | 'resolved' | 'repeat';

export type AlertStepResult = {
  next: AlertStateRecord;
  change: { from: AlertStateName; to: AlertStateName } | null;
  notify: AlertNotification | null;
};

const MINUTE_MS = 60_000;
const FLAP_WINDOW_MS = 60 * MINUTE_MS;
/** This many firings and resolutions within an hour is flapping: the state still moves, notifications wait. */
const FLAP_CHANGES = 4;
/** A firing alert resolves only after this many clear windows in a row (or its `for`, if longer): one good minute is not recovery. */
const MIN_CLEAR_WINDOWS = 2;

export function initialAlertState(at: Date): AlertStateRecord {
  return { state: 'ok', since: at, changeValue: null, lastValue: null, clearSince: null, firedAt: null, lastNotifiedAt: null, acknowledgedAt: null, recentChanges: [] };
}

/**
 * One evaluation of an alert: ok → pending → firing → resolved, with `for` before firing, a
 * clear streak before resolving, repeats of an unacknowledged firing alert every `repeatMinutes`,
 * and notifications held back while quiet or flapping (a firing alert never notified is notified
 * once that ends; a resolution is notified only if its firing was). Pure: the caller persists
 * `next` with the change and the notification in one transaction, so a replay decides the same.
 */
export function stepAlertState(current: AlertStateRecord, step: AlertStep): AlertStepResult {
  const at = step.at.getTime();
  const minutesSince = (date: Date | null) => (date === null ? Infinity : (at - date.getTime()) / MINUTE_MS);
  const base: AlertStateRecord = { ...current, lastValue: step.value, recentChanges: current.recentChanges.filter((change) => at - change.getTime() < FLAP_WINDOW_MS) };
  const moveTo = (state: AlertStateName, extra: Partial<AlertStateRecord> = {}): AlertStateRecord => ({
    ...base,
    state,
    since: step.at,
    changeValue: step.value,
    clearSince: null,
    ...extra,
  });
  const result = (next: AlertStateRecord, notify: AlertNotification | null): AlertStepResult => ({
    next: notify === null ? next : { ...next, lastNotifiedAt: step.at },
    change: next.state === current.state ? null : { from: current.state, to: next.state },
    notify,
  });
  const flapping = (changes: Date[]) => changes.length >= FLAP_CHANGES;

  switch (current.state) {
    case 'ok':
    case 'resolved':
    case 'pending': {
      if (!step.breaching) return result(current.state === 'pending' ? moveTo('ok') : base, null);
      const pendingSince = current.state === 'pending' ? current.since : step.at;
      if ((at - pendingSince.getTime()) / MINUTE_MS < step.forMinutes) {
        return result(current.state === 'pending' ? base : moveTo('pending'), null);
      }
      const recentChanges = [...base.recentChanges, step.at];
      const firing = moveTo('firing', { firedAt: step.at, acknowledgedAt: null, recentChanges });
      return result(firing, step.quiet || flapping(recentChanges) ? null : 'firing');
    }
    case 'firing': {
      const notified = current.lastNotifiedAt !== null && current.firedAt !== null && current.lastNotifiedAt >= current.firedAt;
      if (step.breaching) {
        const still = { ...base, clearSince: null };
        if (step.quiet || flapping(base.recentChanges)) return result(still, null);
        if (!notified) return result(still, 'firing');
        const repeatDue = current.acknowledgedAt === null && minutesSince(current.lastNotifiedAt) >= step.repeatMinutes;
        return result(still, repeatDue ? 'repeat' : null);
      }
      const clearSince = current.clearSince ?? step.at;
      const clearWindows = (at - clearSince.getTime()) / MINUTE_MS + 1;
      if (clearWindows < Math.max(MIN_CLEAR_WINDOWS, step.forMinutes)) return result({ ...base, clearSince }, null);
      const recentChanges = [...base.recentChanges, step.at];
      const resolved = moveTo('resolved', { acknowledgedAt: null, recentChanges });
      return result(resolved, notified && !step.quiet ? 'resolved' : null);
    }
  }
}
