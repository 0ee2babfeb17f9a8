import type { PrismaClient } from '../db/create-prisma-client';
import type { Transaction } from '../store/store-types';
import type { AlertNotice } from './alert-notice';
import { breaches, failureSignals, formatSignalValue, signalInfo, signalValue, type AlertSignal, type Comparison, type WindowFacts } from './alert-signals';
import { readAlertableFunctions, type AlertableFunction } from './read-alertable-functions';
import { readWindowFacts } from './read-window-facts';
import { functionsInScope, ruleScopeOf, type RuleScope } from './rule-scope';
import { initialAlertState, stepAlertState, type AlertNotification, type AlertStateName, type AlertStateRecord } from './step-alert-state';

export type EvaluationOptions = {
  now: Date;
  /** Where links in notifications point: the web app's public URL. */
  appUrl: string;
  /** After a pause, at most this many minutes are caught up per rule; older windows are not judged. */
  maxCatchUpMinutes?: number;
};

export type EvaluationResult = { rules: number; skippedLocked: number; steps: number; changes: number; notifications: number };

type RuleRow = {
  id: number;
  name: string;
  scope: RuleScope['scope'];
  function_id: number | null;
  pattern: string | null;
  tag_key: string | null;
  tag_value: string | null;
  signal: AlertSignal;
  comparison: Comparison;
  threshold: number;
  window_minutes: number;
  for_minutes: number;
  severity: AlertNotice['severity'];
  repeat_minutes: number;
  runbook_url: string | null;
  description: string | null;
  muted_until: Date | null;
  evaluated_until: Date | null;
  channel_ids: number[];
};

type StateRow = {
  rule_id: number;
  function_id: number;
  state: AlertStateName;
  since: Date;
  change_value: number | null;
  last_value: number | null;
  clear_since: Date | null;
  fired_at: Date | null;
  last_notified_at: Date | null;
  acknowledged_at: Date | null;
  recent_changes: Date[] | null;
};

type Decision = {
  rule: RuleRow;
  fn: AlertableFunction;
  at: Date;
  value: number | null;
  from: AlertStateName;
  to: AlertStateName;
  notify: AlertNotification | null;
  /** When the reported state began: a repeat reports the original firing. */
  since: Date;
};

const MINUTE_MS = 60_000;
/** Longer than any function's timeout (15 min) plus a few polls: a function further behind is lagging, not merely slow. */
const LAG_TOLERATED_MS = 20 * MINUTE_MS;
const DELIVERY_LIFETIME_MS = 24 * 3_600_000;

/**
 * One evaluation cycle. Every rule this worker can lock (FOR UPDATE SKIP LOCKED: another worker's
 * rules are skipped, never waited for) is judged minute by minute from where it stopped up to the
 * last minute its functions' data is complete for, on rollup windows read once per (window, end)
 * for all rules. States, their history and the notifications they decide (the outbox) are written
 * in the same transaction as the rule's progress: a restart neither forgets a firing alert nor
 * decides the same notification twice.
 */
export async function evaluateAlertRules(prisma: PrismaClient, options: EvaluationOptions): Promise<EvaluationResult> {
  const { now } = options;
  const maxSteps = options.maxCatchUpMinutes ?? 30;
  const functions = await readAlertableFunctions(prisma, now);
  return prisma.$transaction(
    async (tx) => {
      const [total] = await tx.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM alert_rules`;
      const rules = await tx.$queryRaw<RuleRow[]>`
        SELECT r.id, r.name, r.scope, r.function_id, r.pattern, r.tag_key, r.tag_value, r.signal, r.comparison, r.threshold, r.window_minutes, r.for_minutes,
               r.severity, r.repeat_minutes, r.runbook_url, r.description, r.muted_until, r.evaluated_until,
               COALESCE((SELECT array_agg(c.channel_id ORDER BY c.channel_id) FROM alert_rule_channels c WHERE c.rule_id = r.id), '{}') AS channel_ids
          FROM alert_rules r ORDER BY r.id FOR UPDATE OF r SKIP LOCKED`;
      const result: EvaluationResult = { rules: rules.length, skippedLocked: (total?.count ?? 0) - rules.length, steps: 0, changes: 0, notifications: 0 };
      if (rules.length === 0) return result;

      // Which minutes each rule judges now, and which windows that needs.
      const plans = rules.map((rule) => {
        const scoped = functionsInScope(ruleScopeOf({ scope: rule.scope, functionId: rule.function_id, pattern: rule.pattern, tagKey: rule.tag_key, tagValue: rule.tag_value }), functions);
        if (scoped.length === 0) return { rule, scoped, ends: [] as Date[] };
        // The rule moves on with the functions whose data is current; one far behind (its source failing)
        // does not hold the others back, and is judged only on windows its data covers.
        const current = scoped.filter((fn) => fn.caughtUpUntil.getTime() >= now.getTime() - LAG_TOLERATED_MS);
        const pace = current.length > 0 ? current : scoped;
        const caughtUp = Math.floor(Math.min(...pace.map((fn) => fn.caughtUpUntil.getTime())) / MINUTE_MS) * MINUTE_MS;
        const from = rule.evaluated_until === null ? caughtUp : Math.max(rule.evaluated_until.getTime() + MINUTE_MS, caughtUp - (maxSteps - 1) * MINUTE_MS);
        const ends: Date[] = [];
        for (let end = from; end <= caughtUp; end += MINUTE_MS) ends.push(new Date(end));
        return { rule, scoped, ends };
      });
      const windows = new Map<string, { windowMinutes: number; end: Date; ids: Set<number>; needsInitDuration: boolean; needsExhaustedRetries: boolean }>();
      for (const plan of plans) {
        for (const end of plan.ends) {
          const key = `${plan.rule.window_minutes}@${end.getTime()}`;
          const window = windows.get(key) ?? { windowMinutes: plan.rule.window_minutes, end, ids: new Set(), needsInitDuration: false, needsExhaustedRetries: false };
          for (const fn of plan.scoped) window.ids.add(fn.id);
          window.needsInitDuration ||= plan.rule.signal === 'init_duration_p95';
          window.needsExhaustedRetries ||= plan.rule.signal === 'exhausted_retries';
          windows.set(key, window);
        }
      }
      const facts = new Map<string, Map<number, WindowFacts>>();
      await Promise.all(
        [...windows].map(async ([key, window]) => {
          facts.set(key, await readWindowFacts(prisma, { ...window, functionIds: [...window.ids] }));
        }),
      );

      const ruleIds = rules.map((rule) => rule.id);
      const [stored, silences] = await Promise.all([
        // Not locked themselves: whatever changes a state (an acknowledgement) takes its rule's lock first, held here.
        tx.$queryRaw<StateRow[]>`SELECT * FROM alert_states WHERE rule_id = ANY(${ruleIds}::int[])`,
        tx.$queryRaw<Array<{ rule_id: number | null; function_id: number | null }>>`
          SELECT rule_id, function_id FROM silences WHERE starts_at <= ${now} AND ends_at > ${now}`,
      ]);
      const states = new Map(stored.map((row) => [`${row.rule_id}:${row.function_id}`, toRecord(row)]));
      const silenced = (ruleId: number, functionId: number) =>
        silences.some((silence) => (silence.rule_id === null || silence.rule_id === ruleId) && (silence.function_id === null || silence.function_id === functionId));

      const changedStates = new Map<string, { ruleId: number; functionId: number; record: AlertStateRecord }>();
      const decisions: Decision[] = [];
      const values = new Map<string, number | null>();
      for (const { rule, scoped, ends } of plans) {
        const muted = rule.muted_until !== null && rule.muted_until > now;
        for (const fn of scoped) {
          const key = `${rule.id}:${fn.id}`;
          const quiet = muted || silenced(rule.id, fn.id);
          let record = states.get(key) ?? initialAlertState(ends[0] ?? now);
          // Windows skipped after a long pause are unknown: a `for` or a clear streak starts again.
          const skipped = rule.evaluated_until !== null && ends[0] !== undefined && ends[0].getTime() > rule.evaluated_until.getTime() + MINUTE_MS;
          if (skipped && ends[0]) record = { ...record, ...(record.state === 'pending' ? { since: ends[0] } : {}), clearSince: null };
          for (const end of ends) {
            const windowKey = `${rule.window_minutes}@${end.getTime()}`;
            const windowFacts = facts.get(windowKey)?.get(fn.id);
            if (!windowFacts || end > fn.caughtUpUntil) continue;
            // Rules share windows and signals: each value is computed once (a percentile walks a histogram).
            const valueKey = `${windowKey}:${fn.id}:${rule.signal}`;
            let value = values.get(valueKey);
            if (value === undefined) values.set(valueKey, (value = signalValue(rule.signal, windowFacts, fn, rule.window_minutes)));
            const step = stepAlertState(record, {
              at: end,
              value,
              breaching: breaches(value, rule.comparison, rule.threshold),
              forMinutes: rule.for_minutes,
              repeatMinutes: rule.repeat_minutes,
              quiet,
            });
            result.steps += 1;
            record = step.next;
            if (step.change || step.notify) {
              decisions.push({ rule, fn, at: end, value, from: step.change?.from ?? record.state, to: record.state, notify: step.notify, since: record.state === 'firing' ? (record.firedAt ?? end) : end });
            }
          }
          // Written only when more than the latest value moved: a steady fleet costs no writes (no row means ok).
          const before = states.get(key);
          if (before ? !sameButValue(before, record) : record.state !== 'ok') changedStates.set(key, { ruleId: rule.id, functionId: fn.id, record });
        }
      }
      await closeOutOfScope(tx, { plans, stored, states, now, changedStates, decisions });
      result.changes = decisions.filter((decision) => decision.from !== decision.to).length;
      await writeStates(tx, [...changedStates.values()]);
      result.notifications = await writeDecisions(tx, prisma, decisions, options);
      const progressed = plans.filter((plan) => plan.ends.length > 0);
      if (progressed.length > 0) {
        await tx.$executeRaw`
          UPDATE alert_rules r SET evaluated_until = p.until
            FROM unnest(${progressed.map((plan) => plan.rule.id)}::int[], ${progressed.map((plan) => plan.ends[plan.ends.length - 1] as Date)}::timestamptz[]) AS p(id, until)
           WHERE r.id = p.id`;
      }
      return result;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/**
 * Alerts whose function left the rule's scope (deleted, renamed out of a pattern, untagged, or the
 * rule edited) would stay pending or firing forever: they end now, a firing one as resolved (and
 * told, if its firing was), with no value.
 */
async function closeOutOfScope(
  tx: Transaction,
  work: {
    plans: ReadonlyArray<{ rule: RuleRow; scoped: readonly AlertableFunction[] }>;
    stored: readonly StateRow[];
    states: ReadonlyMap<string, AlertStateRecord>;
    now: Date;
    changedStates: Map<string, { ruleId: number; functionId: number; record: AlertStateRecord }>;
    decisions: Decision[];
  },
): Promise<void> {
  const watched = new Set(work.plans.flatMap((plan) => plan.scoped.map((fn) => `${plan.rule.id}:${fn.id}`)));
  const rules = new Map(work.plans.map((plan) => [plan.rule.id, plan.rule]));
  const orphans = work.stored.filter((row) => (row.state === 'pending' || row.state === 'firing') && !watched.has(`${row.rule_id}:${row.function_id}`));
  if (orphans.length === 0) return;
  const functions = await tx.$queryRaw<Array<{ id: number; name: string; architecture: string; region: string; reserved_concurrency: number | null }>>`
    SELECT f.id, f.name, f.architecture, s.region, f.reserved_concurrency FROM functions f JOIN sources s ON s.id = f.source_id
     WHERE f.id = ANY(${orphans.map((row) => row.function_id)}::int[])`;
  const at = new Date(Math.floor(work.now.getTime() / MINUTE_MS) * MINUTE_MS);
  for (const row of orphans) {
    const rule = rules.get(row.rule_id);
    const fn = functions.find((candidate) => candidate.id === row.function_id);
    const record = work.states.get(`${row.rule_id}:${row.function_id}`);
    if (!rule || !fn || !record) continue;
    const to = row.state === 'firing' ? 'resolved' : 'ok';
    const notified = record.lastNotifiedAt !== null && record.firedAt !== null && record.lastNotifiedAt >= record.firedAt;
    const notify = to === 'resolved' && notified ? 'resolved' : null;
    const next: AlertStateRecord = { ...record, state: to, since: at, changeValue: null, lastValue: null, clearSince: null, acknowledgedAt: null, ...(notify ? { lastNotifiedAt: at } : {}) };
    work.changedStates.set(`${row.rule_id}:${row.function_id}`, { ruleId: row.rule_id, functionId: row.function_id, record: next });
    const alertable: AlertableFunction = { id: fn.id, name: fn.name, architecture: fn.architecture, region: fn.region, reservedConcurrency: fn.reserved_concurrency, tags: {}, caughtUpUntil: at };
    work.decisions.push({ rule, fn: alertable, at, value: null, from: row.state, to, notify, since: at });
  }
}

function sameButValue(a: AlertStateRecord, b: AlertStateRecord): boolean {
  const sameDate = (x: Date | null, y: Date | null) => (x === null || y === null ? x === y : x.getTime() === y.getTime());
  return (
    a.state === b.state &&
    sameDate(a.since, b.since) &&
    a.changeValue === b.changeValue &&
    sameDate(a.clearSince, b.clearSince) &&
    sameDate(a.firedAt, b.firedAt) &&
    sameDate(a.lastNotifiedAt, b.lastNotifiedAt) &&
    sameDate(a.acknowledgedAt, b.acknowledgedAt) &&
    a.recentChanges.length === b.recentChanges.length &&
    a.recentChanges.every((change, index) => sameDate(change, b.recentChanges[index] ?? null))
  );
}

function toRecord(row: StateRow): AlertStateRecord {
  return {
    state: row.state,
    since: row.since,
    changeValue: row.change_value,
    lastValue: row.last_value,
    clearSince: row.clear_since,
    firedAt: row.fired_at,
    lastNotifiedAt: row.last_notified_at,
    acknowledgedAt: row.acknowledged_at,
    recentChanges: row.recent_changes ?? [],
  };
}

async function writeStates(tx: Transaction, rows: ReadonlyArray<{ ruleId: number; functionId: number; record: AlertStateRecord }>): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map(({ ruleId, functionId, record }) => ({
      rule_id: ruleId,
      function_id: functionId,
      state: record.state,
      since: record.since.toISOString(),
      change_value: record.changeValue,
      last_value: record.lastValue,
      clear_since: record.clearSince?.toISOString() ?? null,
      fired_at: record.firedAt?.toISOString() ?? null,
      last_notified_at: record.lastNotifiedAt?.toISOString() ?? null,
      acknowledged_at: record.acknowledgedAt?.toISOString() ?? null,
      recent_changes: record.recentChanges.map((change) => change.toISOString()),
    })),
  );
  await tx.$executeRaw`
    INSERT INTO alert_states (rule_id, function_id, state, since, change_value, last_value, clear_since, fired_at, last_notified_at,
                              acknowledged_at, recent_changes, updated_at)
    SELECT s.rule_id, s.function_id, s.state, s.since, s.change_value, s.last_value, s.clear_since, s.fired_at, s.last_notified_at,
           s.acknowledged_at, ARRAY(SELECT json_array_elements_text(s.recent_changes))::timestamptz[], now()
      FROM json_to_recordset(${json}::json) AS s(rule_id int, function_id int, state text, since timestamptz, change_value float8,
           last_value float8, clear_since timestamptz, fired_at timestamptz, last_notified_at timestamptz, acknowledged_at timestamptz,
           recent_changes json)
    ON CONFLICT (rule_id, function_id) DO UPDATE SET
      state = EXCLUDED.state, since = EXCLUDED.since, change_value = EXCLUDED.change_value, last_value = EXCLUDED.last_value,
      clear_since = EXCLUDED.clear_since, fired_at = EXCLUDED.fired_at, last_notified_at = EXCLUDED.last_notified_at,
      acknowledged_at = EXCLUDED.acknowledged_at,
      acknowledged_by = CASE WHEN EXCLUDED.acknowledged_at IS NULL THEN NULL ELSE alert_states.acknowledged_by END,
      recent_changes = EXCLUDED.recent_changes, updated_at = now()`;
}

/** History rows for the state changes, and one outbox row per notification and channel, each kind in one statement. Returns the outbox rows written. */
async function writeDecisions(tx: Transaction, prisma: PrismaClient, decisions: readonly Decision[], options: EvaluationOptions): Promise<number> {
  if (decisions.length === 0) return 0;
  // Only what will be sent needs a sample request to investigate.
  const samples = await sampleFailedRequests(
    prisma,
    decisions.filter((decision) => decision.notify === 'firing' && decision.rule.channel_ids.length > 0 && failureSignals.has(decision.rule.signal)),
  );
  const keyOf = (ruleId: number, functionId: number, at: Date) => `${ruleId}:${functionId}:${at.getTime()}`;
  const changes = decisions.filter((decision) => decision.from !== decision.to);
  const eventIds = new Map<string, number>();
  if (changes.length > 0) {
    const json = JSON.stringify(
      changes.map((decision) => ({
        rule_id: decision.rule.id,
        function_id: decision.fn.id,
        from_state: decision.from,
        to_state: decision.to,
        value: decision.value,
        threshold: decision.rule.threshold,
        at: decision.at.toISOString(),
        sample_request_id: samples.get(decision) ?? null,
      })),
    );
    const inserted = await tx.$queryRaw<Array<{ id: number; rule_id: number; function_id: number; at: Date }>>`
      INSERT INTO alert_events (rule_id, function_id, from_state, to_state, value, threshold, at, sample_request_id)
      SELECT * FROM json_to_recordset(${json}::json) AS e(rule_id int, function_id int, from_state text, to_state text, value float8,
                                                          threshold float8, at timestamptz, sample_request_id text)
      RETURNING id, rule_id, function_id, at`;
    for (const row of inserted) eventIds.set(keyOf(row.rule_id, row.function_id, row.at), row.id);
  }
  const deliveries = decisions.flatMap((decision) => {
    const { notify, rule, fn } = decision;
    if (notify === null) return [];
    const notice = buildNotice(decision, notify, samples.get(decision) ?? null, options.appUrl);
    return rule.channel_ids.map((channelId) => ({
      eventId: decision.from === decision.to ? null : (eventIds.get(keyOf(rule.id, fn.id, decision.at)) ?? null),
      channelId,
      kind: notify,
      dedupeKey: `${notify}:${rule.id}:${fn.id}:${decision.at.toISOString()}:${channelId}`,
      notice,
      expiresAt: new Date(options.now.getTime() + DELIVERY_LIFETIME_MS),
    }));
  });
  if (deliveries.length === 0) return 0;
  const written = await tx.notificationDelivery.createMany({ data: deliveries, skipDuplicates: true });
  return written.count;
}

/** For each firing decision, the newest failed request in its window, in one query for all of them. */
async function sampleFailedRequests(prisma: PrismaClient, decisions: readonly Decision[]): Promise<Map<Decision, string>> {
  const samples = new Map<Decision, string>();
  if (decisions.length === 0) return samples;
  const rows = await prisma.$queryRaw<Array<{ position: number; request_id: string }>>`
    SELECT w.position, s.request_id
      FROM unnest(${decisions.map((decision) => decision.fn.id)}::int[],
                  ${decisions.map((decision) => new Date(decision.at.getTime() - decision.rule.window_minutes * MINUTE_MS))}::timestamptz[],
                  ${decisions.map((decision) => decision.at)}::timestamptz[]) WITH ORDINALITY AS w(function_id, since, until, position)
     CROSS JOIN LATERAL (
           SELECT request_id FROM attempts a
            WHERE a.function_id = w.function_id AND a.started_at >= w.since AND a.started_at < w.until AND a.status NOT IN ('success', 'running')
            ORDER BY a.started_at DESC LIMIT 1) s`;
  for (const row of rows) {
    const decision = decisions[Number(row.position) - 1];
    if (decision) samples.set(decision, row.request_id);
  }
  return samples;
}

function buildNotice(decision: Decision, kind: AlertNotification, sampleRequestId: string | null, appUrl: string): AlertNotice {
  const { rule, fn } = decision;
  const base = appUrl.replace(/\/+$/, '');
  return {
    kind,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    functionId: fn.id,
    functionName: fn.name,
    functionUrl: `${base}/functions/${fn.id}`,
    signal: rule.signal,
    signalLabel: signalInfo[rule.signal].label,
    value: decision.value,
    valueText: formatSignalValue(rule.signal, decision.value),
    thresholdText: `${rule.comparison} ${formatSignalValue(rule.signal, rule.threshold)}`,
    windowText: `${rule.window_minutes} min`,
    since: decision.since.toISOString(),
    ...(sampleRequestId ? { sampleRequest: { requestId: sampleRequestId, url: `${base}/requests/${encodeURIComponent(sampleRequestId)}` } } : {}),
    ...(rule.runbook_url ? { runbookUrl: rule.runbook_url } : {}),
    ...(rule.description ? { description: rule.description } : {}),
  };
}
