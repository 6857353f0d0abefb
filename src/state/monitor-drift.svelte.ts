/**
 * The drift dashboard: compares two dataset versions in the drift worker
 * (every statistic, the chosen test and why, histograms and ECDFs per
 * column), with progress per column; the user's per-column test overrides,
 * saved with the monitored model's policy; and the Drift lab's side-by-side
 * comparison of tests on large and small samples. Errors are values.
 */
import type { DriftTestOverride } from '../core/monitor/drift/types.ts';
import { setDriftTests } from '../core/monitor/monitor-policy.ts';
import {
  DEFAULT_COMPARISON,
  type ComparisonSettings,
  type TestComparison,
} from '../core/monitor/lab/test-comparisons.ts';
import type { DriftClient } from '../adapters/workers/drift-client.ts';
import type { DriftComparison } from '../adapters/workers/drift-protocol.ts';
import type { MonitorState } from './monitor-state.svelte.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class DriftDashboardState {
  /** Reference and current dataset versions ('' = the oldest and the newest). */
  referenceId = $state('');
  currentId = $state('');
  comparison = $state.raw<DriftComparison | null>(null);
  /** Columns done of the running report. */
  progress = $state<{ done: number; total: number; column: string } | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  /** Overrides used when no model is monitored (not saved). */
  localTests = $state.raw<Record<string, DriftTestOverride>>({});
  lesson = $state.raw<TestComparison | null>(null);
  lessonBusy = $state(false);

  readonly #context: WorkspaceContext;
  readonly #monitor: MonitorState;
  readonly #client: () => DriftClient;
  #started: DriftClient | null = null;

  constructor(context: WorkspaceContext, monitor: MonitorState, client: () => DriftClient) {
    this.#context = context;
    this.#monitor = monitor;
    this.#client = client;
  }

  /** The per-column tests in force: the monitored model's saved ones, else this session's. */
  get tests(): Record<string, DriftTestOverride> {
    return this.#monitor.modelName ? (this.#monitor.policy?.driftTests ?? {}) : this.localTests;
  }

  /** The versions compared: the chosen ones, or the oldest against the newest. */
  get pair(): { reference: string; current: string } {
    const list = this.#monitor.datasets;
    return {
      reference: this.referenceId || list[list.length - 1]?.id || '',
      current: this.currentId || list[0]?.id || '',
    };
  }

  #drift(): DriftClient {
    this.#started ??= this.#client();
    return this.#started;
  }

  /** Computes the report and the per-column charts in the drift worker. */
  async run(): Promise<boolean> {
    const { reference, current } = this.pair;
    if (!reference || !current) {
      this.error = 'Save two dataset versions first (the Drift lab can save drifted traffic as one).';
      return false;
    }
    this.busy = true;
    this.error = null;
    this.message = null;
    this.progress = { done: 0, total: 0, column: '' };
    const outcome = await runResult(() =>
      this.#drift().compareVersions(
        reference,
        current,
        { tests: $state.snapshot(this.tests) },
        (done, total, column) => {
          this.progress = { done, total, column };
        },
      ),
    );
    this.busy = false;
    this.progress = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    this.comparison = outcome.value;
    const r = outcome.value.report;
    const drifted = r.columns.filter((c) => c.drifted).length;
    this.message = `${drifted} of ${r.columns.length} columns drifted (${Math.round(r.driftShare * 100)}%): ${r.datasetDrift ? 'the dataset drifts' : 'no dataset drift'}.`;
    return true;
  }

  /**
   * Sets (or clears with null) one column's test and threshold, saves it
   * with the monitored model's policy, and recomputes the report.
   */
  async override(column: string, override: DriftTestOverride | null): Promise<boolean> {
    const model = this.#monitor.modelName;
    if (!model) {
      const next = { ...this.localTests };
      if (override === null) delete next[column];
      else next[column] = override;
      this.localTests = next;
      return this.run();
    }
    const saved = await runThrowing(() =>
      setDriftTests(this.#context.store, {
        modelName: model,
        tests: { [column]: override },
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (!saved.ok) {
      this.error = saved.message;
      return false;
    }
    this.#monitor.policy = saved.value.policy;
    await this.#context.changes.notify('audit');
    return this.run();
  }

  /** The Drift lab's comparison of KS, PSI and Wasserstein, on a version's column or a standard normal. */
  async compareTests(
    source: { versionId: string; column: string } | null,
    settings: ComparisonSettings = DEFAULT_COMPARISON,
    seed = 1,
  ): Promise<boolean> {
    this.lessonBusy = true;
    this.error = null;
    const outcome = await runResult(() => this.#drift().compareTests({ source, settings, seed }));
    this.lessonBusy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    this.lesson = outcome.value;
    return true;
  }
}
