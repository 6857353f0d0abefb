/**
 * Training runs done in-process, over any store: what the training worker
 * does (read the version, run the pipeline, store the run and its events)
 * through the same core `executeRun`, without the worker. A `held` trainer
 * reports that it started and one curve point, then waits until cancelled,
 * like a long run.
 */
import type { TrainJob } from '../../../../src/adapters/workers/train-client.ts';
import type { Result } from '../../../../src/adapters/workers/data-protocol.ts';
import type { TrainEvent, TrainRequest } from '../../../../src/adapters/workers/train-protocol.ts';
import { decodeTable } from '../../../../src/core/data/versions/canonical-encoding.ts';
import { WorkbenchError, toErrorInfo } from '../../../../src/core/errors.ts';
import type { WorkspaceStore } from '../../../../src/core/ports.ts';
import { executeRun } from '../../../../src/core/train/execute-run.ts';
import type { RunRecord } from '../../../../src/core/train/run-record.ts';
import type { Trainer } from '../../../../src/state/workspace-context.ts';

export interface InProcessTrainer extends Trainer {
  /** Every request started, in order. */
  requests: TrainRequest[];
}

export function inProcessTrainer(
  store: WorkspaceStore,
  nowMs: () => number,
  options: { held?: boolean } = {},
): InProcessTrainer {
  const requests: TrainRequest[] = [];
  return {
    platform: 'node: in-process test trainer',
    requests,
    start(request: TrainRequest, onEvent: (event: TrainEvent) => void): TrainJob {
      requests.push(request);
      let settle: (result: Result<RunRecord>) => void = () => {};
      const result = new Promise<Result<RunRecord>>((resolve) => (settle = resolve));
      const cancel = () =>
        settle({ ok: false, error: { code: 'train.cancelled', message: 'Training was cancelled.' } });
      onEvent({ kind: 'started', backend: null, backendReason: null });
      if (options.held) {
        onEvent({ kind: 'curve', point: { step: 1, loss: 0.9, valLoss: null, accuracy: null, valAccuracy: null } });
        return { result, cancel };
      }
      train(store, nowMs, request, onEvent).then(
        (run) => settle({ ok: true, value: run }),
        (error: unknown) => settle({ ok: false, error: toErrorInfo(error) }),
      );
      return { result, cancel };
    },
  };
}

async function train(
  store: WorkspaceStore,
  nowMs: () => number,
  request: TrainRequest,
  onEvent: (event: TrainEvent) => void,
): Promise<RunRecord> {
  const version = await store.getDatasetVersion(request.spec.datasetVersionId);
  const bytes = version && (await store.getBlob(version.id));
  if (!version || !bytes) throw new WorkbenchError('train.no_dataset', 'The dataset version is not stored.');
  let tick = 0;
  return executeRun(
    store,
    {
      table: decodeTable(bytes),
      version,
      spec: request.spec,
      runId: request.runId,
      runName: request.runName,
      actor: request.actor,
      rerunOf: request.rerunOf ? ((await store.getRun(request.rerunOf)) ?? null) : null,
      environment: {
        backend: null,
        backendReason: null,
        tfjsVersion: 'none',
        workbenchVersion: 'test',
        platform: 'node: in-process test trainer',
      },
    },
    {
      clock: () => (tick += 5),
      now: nowMs,
      onProgress: (p) => {
        if (p.kind === 'phase') onEvent({ kind: 'phase', phase: p.phase });
      },
    },
  );
}
