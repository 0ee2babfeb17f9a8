import { expect, test } from 'vitest';
import { initialAlertState, stepAlertState, type AlertStateRecord, type AlertStepResult } from '../../../lib/alerts/step-alert-state';

const T = Date.UTC(2026, 10, 22, 12, 0, 0);
const minute = (n: number) => new Date(T + n * 60_000);

/** Runs one step a minute from minute 1, each breaching or not, and returns every result. */
function run(pattern: string, options: { forMinutes?: number; repeatMinutes?: number; quiet?: (index: number) => boolean; start?: AlertStateRecord } = {}) {
  let state = options.start ?? initialAlertState(minute(0));
  const results: AlertStepResult[] = [];
  [...pattern].forEach((mark, index) => {
    const result = stepAlertState(state, {
      at: minute(index + 1),
      value: mark === 'x' ? 12 : 1,
      breaching: mark === 'x',
      forMinutes: options.forMinutes ?? 0,
      repeatMinutes: options.repeatMinutes ?? 240,
      quiet: options.quiet?.(index) ?? false,
    });
    results.push(result);
    state = result.next;
  });
  return { results, state, states: results.map((result) => result.next.state), notifications: results.flatMap((result, index) => (result.notify ? [`${index + 1}:${result.notify}`] : [])) };
}

test('without `for`: the first bad window fires and notifies; two clear windows resolve and notify once', () => {
  const { states, notifications, results } = run('x..');
  expect(states).toEqual(['firing', 'firing', 'resolved']);
  expect(notifications).toEqual(['1:firing', '3:resolved']);
  expect(results[0]?.change).toEqual({ from: 'ok', to: 'firing' });
  expect(results[0]?.next).toMatchObject({ since: minute(1), changeValue: 12, firedAt: minute(1), lastNotifiedAt: minute(1) });
  expect(results[2]?.next).toMatchObject({ since: minute(3), changeValue: 1 });
});

test('`for` 3 minutes: a single bad minute stays pending and goes back to ok; four in a row fire', () => {
  expect(run('x...', { forMinutes: 3 }).states).toEqual(['pending', 'ok', 'ok', 'ok']);
  expect(run('x...', { forMinutes: 3 }).notifications).toEqual([]);
  const held = run('xxxx', { forMinutes: 3 });
  expect(held.states).toEqual(['pending', 'pending', 'pending', 'firing']);
  expect(held.notifications).toEqual(['4:firing']);
});

test('a firing alert resolves only after a clear streak as long as its `for`', () => {
  const { states } = run('xxxx.x....', { forMinutes: 3 });
  expect(states).toEqual(['pending', 'pending', 'pending', 'firing', 'firing', 'firing', 'firing', 'firing', 'resolved', 'resolved']);
});

test('repeats follow the repeat interval while firing, and stop once acknowledged', () => {
  expect(run('xxxxxxx', { repeatMinutes: 3 }).notifications).toEqual(['1:firing', '4:repeat', '7:repeat']);
  const first = run('xx', { repeatMinutes: 3 });
  const acknowledged = { ...first.state, acknowledgedAt: minute(2) };
  expect(run('xxxxx', { repeatMinutes: 3, start: acknowledged }).notifications).toEqual([]);
});

test('quiet (silenced): the state moves, nothing is notified; still firing when it ends, the firing is notified then', () => {
  const silenced = run('xx..', { quiet: () => true });
  expect(silenced.states).toEqual(['firing', 'firing', 'firing', 'resolved']);
  expect(silenced.notifications).toEqual([]);
  const ending = run('xxxx', { quiet: (index) => index < 2 });
  expect(ending.notifications).toEqual(['3:firing']);
});

test('a resolution is notified only when its firing was', () => {
  expect(run('x...', { quiet: (index) => index === 0 }).notifications).toEqual([]);
});

test('flapping (four firings and resolutions within an hour) holds notifications back', () => {
  const { notifications, states } = run('x..x..x..x..', {});
  expect(states.filter((state, index) => state !== states[index - 1])).toEqual(['firing', 'resolved', 'firing', 'resolved', 'firing', 'resolved', 'firing', 'resolved']);
  // A notified firing's resolution is always told; from the 5th change in the hour, nothing until it settles.
  expect(notifications).toEqual(['1:firing', '3:resolved', '4:firing', '6:resolved']);
});

test('replaying the same step from the same state decides the same', () => {
  const state = run('x').state;
  const step = { at: minute(2), value: 1, breaching: false, forMinutes: 0, repeatMinutes: 240, quiet: false };
  expect(stepAlertState(state, step)).toEqual(stepAlertState(state, step));
});
