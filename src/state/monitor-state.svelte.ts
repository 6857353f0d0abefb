/**
 * The Monitor area: the served model's windows (drift, prediction drift,
 * accuracy with intervals), its alerts, its alert rules and retraining
 * policy and the retrainings run, and the Drift lab that replays a dataset
 * version with injected drift. Errors are values (`error`), never thrown.
 */
import type { DataTable } from '../core/data/types.ts';
import type { DriftInjection } from '../core/monitor/lab/inject-drift.ts';
import type { MonitorReport } from '../core/monitor/monitor-model.ts';
import type { WindowComparison } from '../core/monitor/windows/window-comparison.ts';
import type { DriftTestOverride } from '../core/monitor/drift/types.ts';
import { readMonitorPolicy, setDriftTests, setMonitorPolicy } from '../core/monitor/monitor-policy.ts';
import type {
  Alert,
  AlertRule,
  MonitorPolicy,
  RetrainingPolicy,
  RetrainingRecord,
} from '../core/monitor/monitor-types.ts';
import { servingVersion } from '../core/monitor/champion.ts';
import type { Environment } from '../core/serving/deployments/deployment-types.ts';
import type { MonitorWorkerApi } from '../adapters/workers/monitor-protocol.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the Monitor area needs besides the workspace. */
export interface MonitorDeps {
  /** Runs windows, replays and retraining off the main thread (the monitor worker; in-process in tests). */
  runner: MonitorWorkerApi;
  /** A fresh id for a replay or a run. */
  newId: () => string;
}

export class MonitorState {
  models = $state.raw<string[]>([]);
  /** Dataset versions the Drift lab can replay, newest first. */
  datasets = $state.raw<{ id: string; name: string; rowCount: number }[]>([]);
  modelName = $state<string | null>(null);
  env = $state<Environment>('production');
  windowSize = $state(50);
  /** The version serving `env`, or null. */
  serving = $state<string | null>(null);
  report = $state.raw<MonitorReport | null>(null);
  policy = $state.raw<MonitorPolicy | null>(null);
  alerts = $state.raw<Alert[]>([]);
  retrainings = $state.raw<RetrainingRecord[]>([]);
  busy = $state(false);
  /** What runs in the monitor worker now, in words (shown while `busy`). */
  activity = $state<string | null>(null);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  /** The window whose columns are drawn, with every statistic, or null. */
  window = $state.raw<WindowComparison | null>(null);
  /** The Drift lab's last replay: its log and the traffic it replayed (for feature drift). */
  lab = $state.raw<{ logId: string; traffic: DataTable; injected: string[] } | null>(null);

  readonly #context: WorkspaceContext;
  readonly #deps: MonitorDeps;

  constructor(context: WorkspaceContext, deps: MonitorDeps) {
    this.#context = context;
    this.#deps = deps;
    context.changes.subscribe(['registry', 'audit', 'datasetVersions'], () => this.refresh());
  }

  /** Rereads the models, the serving version, the policy, alerts and retrainings of the model on show. */
  async refresh(): Promise<void> {
    const store = this.#context.store;
    const outcome = await runThrowing(async () => {
      const models = (await store.listRecords('models')).map((m) => m.name).sort();
      this.datasets = (await store.listDatasetVersions())
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .map((v) => ({ id: v.id, name: v.name, rowCount: v.rowCount }));
      const name = this.modelName && models.includes(this.modelName) ? this.modelName : (models[0] ?? null);
      if (!name) return { models, name, serving: null, policy: null, alerts: [], retrainings: [] };
      return {
        models,
        name,
        serving: (await servingVersion(store, name, this.env))?.version.id ?? null,
        policy: await readMonitorPolicy(store, name),
        alerts: (await store.listRecords('alerts')).filter((a) => a.modelName === name).reverse(),
        retrainings: (await store.listRecords('retrainings'))
          .filter((r) => r.modelName === name)
          .sort((a, b) => b.seq - a.seq),
      };
    });
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    const v = outcome.value;
    this.models = v.models;
    this.modelName = v.name;
    this.serving = v.serving;
    this.policy = v.policy;
    this.alerts = v.alerts;
    this.retrainings = v.retrainings;
  }

  async select(modelName: string): Promise<void> {
    this.modelName = modelName;
    this.report = null;
    this.window = null;
    this.lab = null;
    await this.refresh();
  }

  /** Windows the served version's requests (the lab's replay alone when there is one) and raises alerts. */
  async monitor(): Promise<boolean> {
    const name = this.modelName;
    if (!name) return this.#fail('Register a model and deploy or promote a version first.');
    return this.#act(
      `Checking windows of ${this.windowSize} requests against ${name}'s training reference…`,
      async () => {
        this.window = null;
        this.report = await this.#deps.runner.monitor({
          modelName: name,
          env: this.env,
          windowSize: this.windowSize,
          traffic: this.lab?.traffic ?? null,
          logId: this.lab?.logId ?? null,
          actor: this.#context.actor(),
          now: this.#context.now(),
        });
        const fresh = this.report.alerts.filter((a) => a.new).length;
        this.message = `${this.report.windows.length} windows monitored; ${fresh} new alert${fresh === 1 ? '' : 's'}.`;
        return ['audit'] as const;
      },
    );
  }

  /**
   * Opens window `index` of the last check: every column of its traffic
   * against the training reference, charts included (in the worker). The
   * traffic may be the lab's unsaved rows.
   */
  async openWindow(index: number): Promise<boolean> {
    if (!this.modelName || !this.report) return this.#fail('Check the windows first, then open one.');
    return this.#act(`Comparing every column of window ${index + 1} with the training reference…`, async () => {
      this.window = await this.#compareWindow(index);
      return [];
    });
  }

  /**
   * Sets (or clears with null) the test that judges `column` in the open
   * window, saves it with the model's monitoring policy (the dashboard and
   * every window use it too) and recomputes the window.
   */
  async overrideTest(column: string, override: DriftTestOverride | null): Promise<boolean> {
    const name = this.modelName;
    const open = this.window;
    if (!name || !open) return this.#fail('Open a window first.');
    return this.#act(`Saving the test for ${column} and comparing window ${open.index + 1} again…`, async () => {
      const saved = await setDriftTests(this.#context.store, {
        modelName: name,
        tests: { [column]: override },
        actor: this.#context.actor(),
        now: this.#context.now(),
      });
      this.policy = saved.policy;
      this.window = await this.#compareWindow(open.index);
      return ['audit'] as const;
    });
  }

  #compareWindow(index: number): Promise<WindowComparison> {
    const checked = this.report!;
    return this.#deps.runner.compareWindow({
      modelName: checked.modelName,
      env: checked.env,
      windowSize: checked.windowSize,
      traffic: this.lab?.traffic ?? null,
      logId: this.lab?.logId ?? null,
      index,
    });
  }

  /**
   * The Drift lab: replays a dataset version through the serving version
   * with `injections` applied (seeded), optionally saving the drifted rows
   * as a new dataset version (the "newer data" a retraining can use).
   */
  async replay(
    datasetVersionId: string,
    injections: DriftInjection[],
    options: { labelDelay: number; seed: number; saveAs: string | null },
  ): Promise<boolean> {
    const name = this.modelName;
    if (!name) return this.#fail('Register a model and deploy or promote a version first.');
    return this.#act(`Replaying the version through ${name} with the injected drift…`, async () => {
      const result = await this.#deps.runner.replay({
        modelName: name,
        env: this.env,
        datasetVersionId,
        injections,
        labelDelay: options.labelDelay,
        seed: options.seed,
        saveAs: options.saveAs,
        logId: `lab-${this.#deps.newId()}`,
        actor: this.#context.actor(),
        now: this.#context.now(),
      });
      const { traffic, injected } = result;
      this.lab = { logId: result.logId, traffic, injected };
      this.report = null;
      this.window = null;
      const changed: ('audit' | 'datasetVersions')[] = result.savedVersionId ? ['audit', 'datasetVersions'] : ['audit'];
      this.message = `Replayed ${traffic.rowCount} requests${injected.length ? ` with ${injected.join(', ')}` : ''}.`;
      return changed;
    });
  }

  /** Runs the retraining policy once on the newest dataset version. */
  async retrain(): Promise<RetrainingRecord | null> {
    const name = this.modelName;
    if (!name) {
      this.#fail('Register a model first.');
      return null;
    }
    let record: RetrainingRecord | null = null;
    await this.#act(`Retraining ${name}: training, registering, checking the gates…`, async () => {
      const done = await this.#deps.runner.retrain(
        {
          modelName: name,
          trigger: 'manual (Monitor)',
          datasetVersionId: null,
          traffic: this.lab?.traffic ?? null,
          runId: this.#deps.newId(),
          runName: `retrain ${name}`,
          actor: this.#context.actor(),
        },
        this.#context.trainer.platform,
      );
      record = done;
      this.message = `Retraining ${done.id}: ${done.outcome.replace('_', ' ')}.`;
      return ['runs', 'registry', 'audit'] as const;
    });
    return record;
  }

  /** Replaces the model's alert rules and retraining policy. */
  async savePolicy(rules: AlertRule[], retraining: RetrainingPolicy): Promise<boolean> {
    const name = this.modelName;
    if (!name) return this.#fail('Register a model first.');
    return this.#act('Saving the monitoring policy…', async () => {
      await setMonitorPolicy(this.#context.store, {
        modelName: name,
        rules,
        retraining,
        actor: this.#context.actor(),
        now: this.#context.now(),
      });
      this.message = 'Monitoring policy saved.';
      return ['audit'] as const;
    });
  }

  #fail(message: string): false {
    this.error = message;
    return false;
  }

  async #act(
    activity: string,
    work: () => Promise<readonly ('audit' | 'runs' | 'registry' | 'datasetVersions')[]>,
  ): Promise<boolean> {
    this.busy = true;
    this.activity = activity;
    this.error = null;
    this.message = null;
    const outcome = await runThrowing(work);
    this.busy = false;
    this.activity = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    await this.#context.changes.notify(...outcome.value);
    return true;
  }
}
