/**
 * What the predict worker does, over any workspace store: the Predict
 * view's work done with the serving core (load, conform, score, explain,
 * time), keeping each loaded version so repeated requests skip the load.
 * The worker exposes it through Comlink; tests run it in-process over the
 * memory store.
 */
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { toCsv } from '../../core/data/ingest/write-csv.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import type { TfRuntime } from '../../core/models/tf-runtime.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import type { ModelVersion } from '../../core/registry/registry-types.ts';
import { explainRow } from '../../core/serving/predict/explain-row.ts';
import { measureLatency } from '../../core/serving/predict/measure-latency.ts';
import { predictionCells } from '../../core/serving/predict/prediction-cells.ts';
import { rowsToTable } from '../../core/serving/predict/rows-to-table.ts';
import { SCORE_BATCH, scoreTable } from '../../core/serving/predict/score-table.ts';
import { loadServingModel, type ServingModel } from '../../core/serving/predict/serving-model.ts';
import { latencySummary } from '../../core/serving/statistics/percentile.ts';
import type { Result } from './data-protocol.ts';
import type { PredictWorkerApi, VersionInputs } from './predict-protocol.ts';

export interface PredictEngineOptions {
  /** Monotonic milliseconds, for latency. */
  clock: () => number;
  /** TF.js for a kind that runs on it (the MLP), else null. */
  runtimeFor: (kind: ModelVersion['modelKind']) => Promise<TfRuntime | null>;
  /** Single-row requests timed per measurement (default 200). */
  latencySamples?: number;
}

/** Rows of predictions kept for the on-screen preview. */
const PREVIEW_ROWS = 10;

/** The predict worker's API over `store`. */
export function predictEngine(store: WorkspaceStore, options: PredictEngineOptions): PredictWorkerApi {
  const loaded = new Map<string, Promise<ServingModel>>();

  async function model(versionId: string): Promise<ServingModel> {
    const version = await store.getRecord('modelVersions', versionId);
    if (!version) {
      throw new WorkbenchError(
        'registry.version_not_found',
        `Version ${versionId} is not in this workspace any more. Pick another version.`,
      );
    }
    // Keyed by the artifact too: a workspace erased and rebuilt can reuse a version id.
    const key = `${version.id} ${version.artifactBlob}`;
    let entry = loaded.get(key);
    if (!entry) {
      entry = (async () => loadServingModel(store, version, await options.runtimeFor(version.modelKind)))();
      loaded.set(key, entry);
      entry.catch(() => loaded.delete(key));
    }
    return entry;
  }

  const latencyOptions = { clock: options.clock, samples: options.latencySamples };

  return {
    describe: (versionId) =>
      attempt(async () => {
        const { version, preprocessor, labels, task } = await model(versionId);
        const steps = new Map(preprocessor.steps.map((s) => [s.name, s]));
        const fields = version.signature.inputs.map(({ name, type }) => {
          const step = steps.get(name);
          if (step?.kind === 'categorical') return { name, type, categories: [...step.categories], typical: step.fill };
          return { name, type, categories: null, typical: step ? String(step.fill) : '' };
        });
        return { versionId, task, target: version.signature.target.name, labels, fields } satisfies VersionInputs;
      }),

    scoreRow: (versionId, row) =>
      attempt(async () => {
        const served = await model(versionId);
        const table = rowsToTable([row]);
        const scored = await scoreTable(served, table);
        const classification = scored.proba !== null;
        const artifact = await store.getBlob(served.version.artifactBlob);
        const explanation = await explainRow(served, artifact!, table, 0);
        return {
          versionId,
          predicted: classification ? served.labels[scored.predicted[0]] : String(scored.predicted[0]),
          proba: classification ? served.labels.map((label, j) => ({ label, p: scored.proba![j] })) : null,
          explanation,
          latency: await measureLatency(served, table, latencyOptions),
          unknownCategories: scored.unknownCategories,
        };
      }),

    scoreCsv: (versionId, file, onProgress) =>
      attempt(async () => {
        const served = await model(versionId);
        const { table } = parseCsv(new Uint8Array(await file.arrayBuffer()));
        // Each batch's time, read between progress reports (the first starts now).
        const batchTimes: number[] = [];
        let started = options.clock();
        const scored = await scoreTable(served, table, (done, total) => {
          const at = options.clock();
          batchTimes.push(at - started);
          started = at;
          onProgress(done, total);
        });
        const { header, rows } = predictionCells(scored);
        const csv = new TextEncoder().encode(toCsv(header, rows));
        return {
          versionId,
          rowCount: table.rowCount,
          header,
          csv,
          preview: rows.slice(0, PREVIEW_ROWS),
          unknownCategories: scored.unknownCategories,
          single: await measureLatency(served, table, latencyOptions),
          batch: latencySummary(batchTimes),
          batchRows: Math.min(SCORE_BATCH, table.rowCount),
        };
      }),
  };
}

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) console.error(error);
    return { ok: false, error: toErrorInfo(error) };
  }
}
