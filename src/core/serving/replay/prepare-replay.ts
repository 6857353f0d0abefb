import { cellText, type DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import { scoreTable } from '../predict/score-table.ts';
import type { ServingModel } from '../predict/serving-model.ts';
import type { ReplayStream, ScoredModel } from './replay-stream.ts';
import { routePoints } from './routing.ts';
import { trafficOrder } from './traffic-order.ts';

export interface ReplaySetup {
  stable: ServingModel;
  candidate: ServingModel;
  traffic: DataTable;
  /** The column holding the true labels. */
  target: string;
  /** Column to order requests by, or null for file order. */
  timestamp: string | null;
  labelDelay: number;
  /** Salt of the routing hash: the same seed routes every request the same way. */
  seed: number;
  /** Monotonic milliseconds, for the amortised latencies in the log. */
  clock: () => number;
  /** Told as each model scores the traffic: which model, rows scored, rows in all. */
  onProgress?: (model: 'stable' | 'candidate', done: number, total: number) => void;
}

/**
 * Checks a replay can be run and scores the traffic with both models: a
 * non-empty traffic table holding the target, two classifiers (the
 * strategies compare accuracy), rows matching both signatures. Each row's
 * route point hashes its data-row number with `seed:<seed>`.
 *
 * @throws WorkbenchError `serving.empty-traffic`, `serving.no-target`, `serving.task-mismatch`,
 *   `serving.regression-unsupported`, `serving.bad-label-delay`, or `serving.signature-mismatch` from scoring
 */
export async function prepareReplay(setup: ReplaySetup): Promise<ReplayStream> {
  const { stable, candidate, traffic, target } = setup;
  if (traffic.rowCount === 0) {
    throw new WorkbenchError(
      'serving.empty_traffic',
      'The traffic file has no data rows. Replay a file with at least one row.',
    );
  }
  const column = traffic.columns.find((c) => c.name === target);
  if (!column) {
    throw new WorkbenchError(
      'serving.no_target',
      `The traffic has no column "${target}" to take labels from. Pass --target one of: ${traffic.columns.map((c) => `"${c.name}"`).join(', ')}.`,
    );
  }
  if (stable.task !== candidate.task) {
    throw new WorkbenchError(
      'serving.task_mismatch',
      `${stable.version.id} does ${stable.task} but ${candidate.version.id} does ${candidate.task}; a rollout compares two models of the same task. Pick a candidate trained for ${stable.task}.`,
    );
  }
  if (stable.task !== 'classification') {
    throw new WorkbenchError(
      'serving.regression_unsupported',
      'Rollout strategies compare accuracy, which regression models do not have. Replay classifiers.',
    );
  }
  if (!(Number.isInteger(setup.labelDelay) && setup.labelDelay >= 0)) {
    throw new WorkbenchError(
      'serving.bad_label_delay',
      `The label delay must be a whole number of requests, 0 or more (got ${setup.labelDelay}).`,
    );
  }
  const labels = Array.from({ length: traffic.rowCount }, (_, r) => cellText(column, r) || null);
  return {
    order: trafficOrder(traffic, setup.timestamp),
    route: routePoints(
      Array.from({ length: traffic.rowCount }, (_, r) => r),
      `seed:${setup.seed}`,
    ),
    labels,
    stable: await scoreModel(stable, traffic, labels, setup.clock, (done) =>
      setup.onProgress?.('stable', done, traffic.rowCount),
    ),
    candidate: await scoreModel(candidate, traffic, labels, setup.clock, (done) =>
      setup.onProgress?.('candidate', done, traffic.rowCount),
    ),
    labelDelay: setup.labelDelay,
  };
}

async function scoreModel(
  model: ServingModel,
  traffic: DataTable,
  labels: (string | null)[],
  clock: () => number,
  onProgress: (done: number) => void,
): Promise<ScoredModel> {
  const n = traffic.rowCount;
  const latencyMs = new Float64Array(n);
  let last = clock();
  let done = 0;
  const scored = await scoreTable(model, traffic, (upTo) => {
    const now = clock();
    latencyMs.fill((now - last) / (upTo - done), done, upTo);
    last = now;
    done = upTo;
    onProgress(upTo);
  });
  const output = Array.from(scored.predicted, (k) => model.labels[k]);
  const correct = Uint8Array.from(output, (label, r) => (labels[r] !== null && label === labels[r] ? 1 : 0));
  return { id: model.version.id, output, correct, latencyMs };
}
