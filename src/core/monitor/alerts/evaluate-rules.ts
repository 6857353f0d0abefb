import type { ColumnDriftSummary } from '../drift-port.ts';
import type { Alert, AlertRule, FeatureStatistic } from '../monitor-types.ts';
import type { WindowReport } from '../windows/window-report.ts';

/** Where the windows come from, for the alerts' ids and messages. */
export interface AlertScope {
  modelName: string;
  env: Alert['env'];
  version: string;
  /** Held-out accuracy of the version, for `accuracy_drop`. */
  baselineAccuracy: number | null;
  raisedAt: string;
}

/**
 * Checks every rule on every window and returns one alert per rule and
 * window that met it (thresholds inclusive). A rule that cannot be judged on
 * a window — no traffic rows for drift, too few labels for accuracy, a
 * column the report lacks — raises nothing there.
 */
export function evaluateRules(rules: AlertRule[], windows: WindowReport[], scope: AlertScope): Alert[] {
  const alerts: Alert[] = [];
  for (const w of windows) {
    for (const rule of rules) {
      const hit = check(rule, w, scope);
      if (!hit) continue;
      alerts.push({
        id: `${scope.modelName}/${scope.env}:${rule.id}:${w.key}`,
        modelName: scope.modelName,
        env: scope.env,
        ruleId: rule.id,
        ruleKind: rule.kind,
        span: { key: w.key, index: w.index, firstRequest: w.firstRequest, size: w.size },
        version: scope.version,
        value: hit.value,
        threshold: rule.threshold,
        message: hit.message,
        raisedAt: scope.raisedAt,
      });
    }
  }
  return alerts;
}

const f = (x: number) => String(Number(x.toPrecision(3)));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function check(rule: AlertRule, w: WindowReport, scope: AlertScope): { value: number; message: string } | null {
  const where = `window ${w.index + 1} (requests ${w.firstRequest}–${w.lastRequest})`;
  switch (rule.kind) {
    case 'drift_share': {
      if (!w.drift || w.drift.driftShare < rule.threshold) return null;
      const drifted = w.drift.columns.filter((c) => c.drifted).map((c) => c.name);
      return {
        value: w.drift.driftShare,
        message: `${pct(w.drift.driftShare)} of the features drifted in ${where} (${drifted.join(', ')}); the rule fires at ${pct(rule.threshold)}. Look at those columns' distributions, and retrain on recent data if the change is real.`,
      };
    }
    case 'feature_statistic': {
      const column = w.drift?.columns.find((c) => c.name === rule.column);
      const value = column ? statistic(column, rule.statistic) : null;
      if (value === null || value < rule.threshold) return null;
      return {
        value,
        message: `${rule.statistic} of "${rule.column}" is ${f(value)} in ${where}, at or above ${f(rule.threshold)}. Compare its distribution with the training data.`,
      };
    }
    case 'accuracy_drop': {
      const a = w.accuracy;
      if (!a || a.labelled < rule.minLabelled || scope.baselineAccuracy === null) return null;
      const drop = scope.baselineAccuracy - a.accuracy;
      if (drop < rule.threshold) return null;
      return {
        value: drop,
        message: `Accuracy fell to ${pct(a.accuracy)} (95% CI ${pct(a.interval[0])}–${pct(a.interval[1])}, ${a.labelled} labels) in ${where}, ${pct(drop)} below the held-out ${pct(scope.baselineAccuracy)}; the rule fires at a drop of ${pct(rule.threshold)}. The inputs may look unchanged (concept drift): retrain on recent labelled data.`,
      };
    }
    case 'error_rate': {
      const a = w.accuracy;
      if (!a || a.labelled < rule.minLabelled || a.errorRate < rule.threshold) return null;
      return {
        value: a.errorRate,
        message: `${pct(a.errorRate)} of the ${a.labelled} labelled requests in ${where} were answered wrongly; the rule fires at ${pct(rule.threshold)}.`,
      };
    }
  }
}

function statistic(c: ColumnDriftSummary, name: FeatureStatistic): number | null {
  switch (name) {
    case 'psi':
      return c.psi;
    case 'jensenShannon':
      return c.jensenShannon;
    case 'wassersteinNormalized':
      return c.wassersteinNormalized ?? null;
    case 'ksStatistic':
      return c.ks?.statistic ?? null;
  }
}
