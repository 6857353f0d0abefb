/**
 * The Monitor area: the served model's windows (drift, prediction drift,
 * accuracy with intervals), its alerts, its alert rules and retraining
 * policy and the retrainings run, and the Drift lab that replays a dataset
 * version with injected drift. Errors are values (`error`), never thrown.
 */
import { keyedRecord } from '../core/keyed-record.ts';
import { profileDraft, type Draft } from '../core/data/draft.ts';
import { decodeTable } from '../core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../core/data/versions/save-version.ts';
import type { DataTable } from '../core/data/types.ts';
import { WorkbenchError } from '../core/errors.ts';
import type { DriftFunction } from '../core/monitor/drift-port.ts';
import { describeInjection, injectDrift, type DriftInjection } from '../core/monitor/lab/inject-drift.ts';
import { replayServed } from '../core/monitor/lab/replay-served.ts';
import { monitorModel, type MonitorReport } from '../core/monitor/monitor-model.ts';
import { readMonitorPolicy, setMonitorPolicy } from '../core/monitor/monitor-policy.ts';
import type {
  Alert,
  AlertRule,
  MonitorPolicy,
  RetrainingPolicy,
  RetrainingRecord,
} from '../core/monitor/monitor-types.ts';
import { retrainModel } from '../core/monitor/retraining/retrain-model.ts';
import { servingVersion } from '../core/monitor/champion.ts';
import { seededRng } from '../core/random/rng.ts';
import type { Environment } from '../core/serving/deployments/deployment-types.ts';
import { WORKBENCH_VERSION } from '../core/version.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the Monitor area needs besides the workspace. */
export interface MonitorDeps {
  /** The drift statistics (loaded on first use). */
  drift: () => Promise<DriftFunction>;
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
  error = $state<string | null>(null);
  message = $state<string | null>(null);
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
    this.lab = null;
    await this.refresh();
  }

  /** Windows the served version's requests (the lab's replay alone when there is one) and raises alerts. */
  async monitor(): Promise<boolean> {
    const name = this.modelName;
    if (!name) return this.#fail('Register a model and deploy or promote a version first.');
    return this.#act(async () => {
      this.report = await monitorModel(
        this.#context.store,
        {
          modelName: name,
          env: this.env,
          window: this.windowSize,
          traffic: this.lab?.traffic ?? null,
          logId: this.lab?.logId ?? null,
          actor: this.#context.actor(),
          now: this.#context.now(),
        },
        { drift: await this.#deps.drift() },
      );
      const fresh = this.report.alerts.filter((a) => a.new).length;
      this.message = `${this.report.windows.length} windows monitored; ${fresh} new alert${fresh === 1 ? '' : 's'}.`;
      return ['audit'] as const;
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
    return this.#act(async () => {
      const store = this.#context.store;
      const source = await store.getDatasetVersion(datasetVersionId);
      const bytes = source && (await store.getBlob(source.id));
      if (!source || !bytes)
        throw new WorkbenchError(
          'registry.dataset_not_found',
          'That dataset version is not in this workspace. Pick another.',
        );
      const traffic = injectDrift(decodeTable(bytes), injections, seededRng(options.seed));
      const serving = await servingVersion(store, name, this.env);
      const target = serving?.version.signature.target.name ?? '';
      const injected = injections.map(describeInjection);
      const { logId } = await replayServed(
        store,
        {
          modelName: name,
          env: this.env,
          traffic,
          target,
          labelDelay: options.labelDelay,
          logId: `lab-${this.#deps.newId()}`,
          injected,
          actor: this.#context.actor(),
          now: this.#context.now(),
        },
        { clock: () => performance.now() },
      );
      this.lab = { logId, traffic, injected };
      this.report = null;
      const changed: ('audit' | 'datasetVersions')[] = ['audit'];
      if (options.saveAs !== null) {
        await this.#saveTable(traffic, source.schema, options.saveAs, source.id);
        changed.push('datasetVersions');
      }
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
    await this.#act(async () => {
      record = await retrainModel(
        this.#context.store,
        {
          modelName: name,
          trigger: 'manual (Monitor)',
          datasetVersionId: null,
          traffic: this.lab?.traffic ?? null,
          runId: this.#deps.newId(),
          runName: `retrain ${name}`,
          actor: this.#context.actor(),
        },
        {
          clock: () => performance.now(),
          now: () => Date.now(),
          environment: {
            backend: null,
            backendReason: null,
            tfjsVersion: '',
            workbenchVersion: WORKBENCH_VERSION,
            platform: this.#context.trainer.platform,
          },
        },
      );
      this.message = `Retraining ${record.id}: ${record.outcome.replace('_', ' ')}.`;
      return ['runs', 'registry', 'audit'] as const;
    });
    return record;
  }

  /** Replaces the model's alert rules and retraining policy. */
  async savePolicy(rules: AlertRule[], retraining: RetrainingPolicy): Promise<boolean> {
    const name = this.modelName;
    if (!name) return this.#fail('Register a model first.');
    return this.#act(async () => {
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

  async #saveTable(
    table: DataTable,
    schema: { name: string; type: string; role: string }[],
    name: string,
    parentId: string,
  ) {
    const draft: Draft = {
      table,
      inferredTypes: keyedRecord(table.columns.map((c) => [c.name, c.type])),
      roles: keyedRecord(schema.map((c) => [c.name, c.role as Draft['roles'][string]])),
      sourceName: name,
      source: null,
      parentId,
      notes: [],
    };
    await saveDraftAsVersion(this.#context.store, draft, {
      name,
      note: 'Drifted traffic from the Drift lab.',
      actor: this.#context.actor(),
      now: Date.now(),
      encoded: await encodeWithId(table),
      profile: profileDraft(draft),
    });
  }

  #fail(message: string): false {
    this.error = message;
    return false;
  }

  async #act(work: () => Promise<readonly ('audit' | 'runs' | 'registry' | 'datasetVersions')[]>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.message = null;
    const outcome = await runThrowing(work);
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    await this.#context.changes.notify(...outcome.value);
    return true;
  }
}
