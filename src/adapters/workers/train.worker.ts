/**
 * A training worker: one per run. It reads the dataset version from the
 * workspace database itself (the table never crosses to the UI thread),
 * picks the TF.js backend, runs the pipeline and stores the run with its
 * audit events. Cancel = the UI terminates this worker.
 */
import * as Comlink from 'comlink';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import { modelEntry } from '../../core/models/catalogue.ts';
import { executeRun } from '../../core/train/execute-run.ts';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { selectBackend } from '../tf-backend/browser-backend.ts';
import { WORKBENCH_VERSION } from '../../core/version.ts';
import type { TrainEvent, TrainRequest, TrainWorkerApi } from './train-protocol.ts';

const store = new IdbWorkspaceStore();

const api: TrainWorkerApi = {
  async train(request: TrainRequest, onEvent: (event: TrainEvent) => void) {
    try {
      const { spec } = request;
      const version = await store.getDatasetVersion(spec.datasetVersionId);
      const bytes = version && (await store.getBlob(version.id));
      if (!version || !bytes) {
        throw new WorkbenchError(
          'train.no_dataset',
          `Dataset version ${spec.datasetVersionId.slice(0, 12)} is not in this workspace. Save the data as a version first, then train.`,
        );
      }
      const rerunOf = request.rerunOf ? ((await store.getRun(request.rerunOf)) ?? null) : null;
      // Only kinds on TF.js (the MLP) need a backend; the others run on plain typed arrays.
      const backend = modelEntry(spec.model.kind).runtime === 'tfjs' ? await selectBackend(request.backend) : null;
      onEvent({ kind: 'started', backend: backend?.name ?? null, backendReason: backend?.reason ?? null });
      let lastTrees = 0;
      const run = await executeRun(
        store,
        {
          table: decodeTable(bytes),
          version,
          spec,
          runId: request.runId,
          runName: request.runName,
          actor: request.actor,
          rerunOf,
          environment: {
            backend: backend?.name ?? null,
            backendReason: backend?.reason ?? null,
            tfjsVersion: backend?.tfVersion ?? (await import('@tensorflow/tfjs')).version.tfjs,
            workbenchVersion: WORKBENCH_VERSION,
            platform: `browser: ${navigator.userAgent}`,
          },
        },
        {
          clock: () => performance.now(),
          now: () => Date.now(),
          tf: backend?.runtime ?? null,
          onCurve: (point) => onEvent({ kind: 'curve', point }),
          onProgress: (p) => {
            if (p.kind === 'phase') onEvent({ kind: 'phase', phase: p.phase });
            else if (p.kind === 'epoch') onEvent({ kind: 'epoch', epoch: p.report.epoch, total: p.total });
            else if (p.kind === 'steps') onEvent(p);
            else if (p.kind === 'trees' && (p.built - lastTrees >= Math.max(1, p.total / 50) || p.built === p.total)) {
              lastTrees = p.built;
              onEvent({ kind: 'trees', built: p.built, total: p.total });
            }
          },
        },
      );
      return { ok: true as const, value: run };
    } catch (error) {
      if (!(error instanceof WorkbenchError)) console.error(error);
      return { ok: false as const, error: toErrorInfo(error) };
    }
  },
};

Comlink.expose(api);
