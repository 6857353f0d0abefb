/**
 * The maturity assessment of the workspace on show: reread after every
 * change, so the level rises as the user works.
 */
import { assessMaturity, readInventory, type MaturityAssessment } from '../core/maturity/index.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class MaturityState {
  assessment = $state.raw<MaturityAssessment | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['all', 'erased', 'datasetVersions', 'runs', 'registry', 'audit'], () => this.refresh());
  }

  /** Counts what the store holds, verifies its audit chain, and assesses it. */
  async refresh(): Promise<void> {
    this.loading = true;
    const outcome = await runThrowing(async () => assessMaturity(await readInventory(this.#context.store)));
    this.loading = false;
    if (outcome.ok) {
      this.assessment = outcome.value;
      this.error = null;
    } else this.error = outcome.message;
  }
}
