import { monitorTrafficReplayed } from '../../audit/events/monitor-events.ts';
import type { DataTable } from '../../data/types.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { Environment } from '../../serving/deployments/deployment-types.ts';
import { loadServingModel } from '../../serving/predict/serving-model.ts';
import { PredictionLogWriter } from '../../serving/replay/prediction-log.ts';
import { prepareReplay } from '../../serving/replay/prepare-replay.ts';
import { walk } from '../../serving/replay/replay-stream.ts';
import { requireServingVersion } from '../champion.ts';

export interface ServedReplayInput {
  modelName: string;
  env: Environment;
  traffic: DataTable;
  /** The traffic's label column. */
  target: string;
  labelDelay: number;
  logId: string;
  /** The drift injected into the traffic, in words (for the audit trail). */
  injected: string[];
  actor: string;
  now: string;
}

/**
 * Replays traffic through the version serving `env`, alone — no rollout,
 * every request served by it — and stores the prediction log with a
 * `monitor.traffic_replayed` event: what the Drift lab does to show the
 * monitor a stream it can window.
 *
 * @throws WorkbenchError `monitor.not_deployed`, and the replay's own (`serving.no_target`, …)
 */
export async function replayServed(
  store: WorkspaceStore,
  input: ServedReplayInput,
  deps: { clock: () => number; tf?: TfRuntime | null },
): Promise<{ logId: string; version: string; requests: number }> {
  const version = await requireServingVersion(store, input.modelName, input.env);
  const model = await loadServingModel(store, version, deps.tf ?? null);
  const log = new PredictionLogWriter(input.logId);
  try {
    const stream = await prepareReplay({
      stable: model,
      candidate: model,
      traffic: input.traffic,
      target: input.target,
      timestamp: null,
      labelDelay: input.labelDelay,
      seed: 0,
      clock: deps.clock,
    });
    walk(
      stream,
      log,
      () => ({ served: 'stable', shadow: null }),
      () => {},
    );
  } finally {
    model.predictor.dispose();
  }
  const batches = log.batches();
  await store.commit(
    {
      puts: batches.map((value) => ({ kind: 'predictionLogs' as const, value })),
      expect: batches.map((b) => ({ kind: 'predictionLogs' as const, key: b.id, equals: undefined })),
    },
    monitorTrafficReplayed({ at: input.now, actor: input.actor }, input.logId, {
      modelName: input.modelName,
      env: input.env,
      version: version.id,
      requests: input.traffic.rowCount,
      labelDelay: input.labelDelay,
      logBatches: batches.length,
      injected: input.injected,
    }),
  );
  return { logId: input.logId, version: version.id, requests: input.traffic.rowCount };
}
