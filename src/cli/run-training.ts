import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { createRequire } from 'node:module';
import { access, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { baseName } from '../core/data/versions/file-name.ts';
import type { NodeBackendChoice } from '../adapters/tf-backend/node-backend.ts';
import { encodeWithId } from '../core/data/versions/dataset-id.ts';
import { draftFromCsv, profileDraft } from '../core/data/draft.ts';
import { parseCsv, type ParsedCsv } from '../core/data/ingest/parse-csv.ts';
import { guessRoles } from '../core/data/profile/roles.ts';
import { saveDraftAsVersion } from '../core/data/versions/save-version.ts';
import type { ColumnSchema, DataTable } from '../core/data/types.ts';
import { WorkbenchError } from '../core/errors.ts';
import { modelEntry } from '../core/models/catalogue.ts';
import { ownValue } from '../core/keyed-record.ts';
import { registerRun } from '../core/registry/registry-service.ts';
import { executeRun } from '../core/train/execute-run.ts';
import type { PipelineSpec } from '../core/train/pipeline-spec.ts';
import { runPipeline, type RunOutcome } from '../core/train/run-pipeline.ts';
import { WORKBENCH_VERSION } from '../core/version.ts';
import type { CliIo } from './command.ts';
import { predictionsCsv } from './predictions-csv.ts';
import { readInputFile } from './read-file.ts';
import { printable } from './text-table.ts';
import { buildTrainReport, formatTrainText, trainReportJson, type TrainReport } from './train-report.ts';
import { retryOnConflict } from './commit-retry.ts';
import { cliActor, openCliWorkspace } from './workspace-option.ts';

/**
 * What `workbench train` and `workbench run` share: loading a CSV as a
 * dataset version would, running a spec on it, and printing the result.
 */

/** A CSV file loaded for training: the table, its guessed schema and its version id. */
export interface LoadedData {
  path: string;
  table: DataTable;
  schema: ColumnSchema[];
  versionId: string;
  /** What saving it as a dataset version needs: the parse, the file size and the canonical bytes. */
  parsed: ParsedCsv;
  sizeBytes: number;
  encoded: { bytes: Uint8Array; id: string };
}

/** Reads and parses a CSV file; roles are guessed as the browser first guesses them. */
export async function loadData(path: string): Promise<LoadedData> {
  const bytes = await readInputFile(path);
  const parsed = parseCsv(bytes);
  const { table } = parsed;
  const roles = guessRoles(table);
  const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: ownValue(roles, c.name) ?? 'feature' }));
  const encoded = await encodeWithId(table);
  return { path, table, schema, versionId: encoded.id, parsed, sizeBytes: bytes.byteLength, encoded };
}

/** How `workbench train` and `workbench run` report: predictions file, JSON, the workspace to store into (or none) and the model to register the run as (or none). */
export interface ReportOptions {
  predictions: string | null;
  json: boolean;
  workspace: string | null;
  /** Only with `workspace`. */
  register: string | null;
}

/**
 * Runs `spec` on the data, writes the held-out predictions when asked, and
 * prints the report (one JSON object with `json`, else a summary). With a
 * workspace, the data is saved there as a dataset version and the run is
 * stored with its audit events instead.
 */
export async function runAndReport(
  data: LoadedData,
  spec: PipelineSpec,
  options: ReportOptions,
  io: CliIo,
): Promise<TrainReport> {
  if (options.workspace !== null) return trainInWorkspace(data, spec, { ...options, workspace: options.workspace }, io);
  // Fail before a long training run, not after it, when the output cannot be written.
  if (options.predictions !== null) await checkWritable(options.predictions);
  const backend = await mlpBackend(spec);
  const outcome = await runPipeline(data.table, data.schema, spec, {
    clock: () => performance.now(),
    tf: backend?.runtime ?? null,
  });
  if (options.predictions !== null) await writeOutput(options.predictions, predictionsCsv(outcome));
  const report = buildTrainReport(outcome, spec, {
    file: basename(data.path),
    backend,
    predictionsFile: options.predictions,
  });
  io.stdout(`${options.json ? trainReportJson(report) : formatTrainText(report)}\n`);
  return report;
}

/** What a run in a workspace adds to the report: its id, the workspace, whether the data was new there, and the version it was registered as. */
export interface WorkspaceRunReport extends TrainReport {
  runId: string;
  workspace: string;
  datasetVersionCreated: boolean;
  /** The model version made from the run with `--register`, else null. */
  modelVersion: { id: string; modelName: string; version: number; stage: string } | null;
}

/**
 * Saves the data as a dataset version in the workspace (the same id the
 * browser gives it; already saved → reused), runs the spec through
 * executeRun so the run and its audit events are stored, and prints the
 * report built from the stored run, with the run id.
 */
async function trainInWorkspace(
  data: LoadedData,
  spec: PipelineSpec,
  options: ReportOptions & { workspace: string },
  io: CliIo,
): Promise<WorkspaceRunReport> {
  const store = await openCliWorkspace(options.workspace, true);
  const actor = await cliActor(store);
  const fileName = basename(data.path);
  const draft = draftFromCsv(data.parsed, fileName, data.sizeBytes);
  const saved = await saveDraftAsVersion(store, draft, {
    name: baseName(fileName),
    note: '',
    actor,
    now: Date.now(),
    encoded: data.encoded,
    profile: profileDraft(draft),
  });
  if (options.predictions !== null) await checkWritable(options.predictions);
  const backend = await mlpBackend(spec);
  let outcome: RunOutcome | null = null;
  const run = await executeRun(
    store,
    {
      table: data.table,
      // Joined with features, the table has more columns than the entity table's version.
      schema: spec.featureSource ? data.schema : undefined,
      version: saved.version,
      spec,
      runId: randomUUID(),
      // Numbered under the workspace lock: concurrent commands never share a name.
      runName: `${modelEntry(spec.model.kind).shortName} #${await store.reserveRunNumber()}`,
      actor,
      rerunOf: null,
      environment: {
        backend: backend?.name ?? null,
        backendReason: backend?.reason ?? null,
        tfjsVersion: backend?.tfVersion ?? installedTfjsVersion(),
        workbenchVersion: WORKBENCH_VERSION,
        platform: `node ${process.version} (${process.platform} ${process.arch})`,
      },
    },
    {
      clock: () => performance.now(),
      now: () => Date.now(),
      tf: backend?.runtime ?? null,
      onOutcome: (o) => (outcome = o),
    },
  );
  const full = outcome as RunOutcome | null;
  if (!full) throw new Error('executeRun finished without an outcome');
  if (options.predictions !== null) await writeOutput(options.predictions, predictionsCsv(full));
  // executeRun throws on a failed run, so only a completed, stored run gets here to be registered.
  const registered =
    options.register === null
      ? null
      : (
          await retryOnConflict(() =>
            registerRun(store, { run, modelName: options.register!, actor, now: new Date().toISOString() }),
          )
        ).version;
  const modelVersion = registered && {
    id: registered.id,
    modelName: registered.modelName,
    version: registered.version,
    stage: registered.stage,
  };
  const { spec: stored, ...headline } = buildTrainReport(full, run.spec, {
    file: fileName,
    backend,
    predictionsFile: options.predictions,
  });
  // The spec stays last, so the JSON still reads top-down and its "spec" re-runs with workbench run.
  const report: WorkspaceRunReport = {
    ...headline,
    runId: run.id,
    workspace: store.dir,
    datasetVersionCreated: saved.created,
    modelVersion,
    spec: stored,
  };
  const where = `${saved.created ? 'saved as new dataset version' : 'already saved as dataset version'} ${saved.version.id.slice(0, 12)}`;
  const lines = [`run       ${run.id}`, `stored in ${printable(store.dir)} (${where})`];
  if (modelVersion)
    lines.push(
      `model     ${printable(modelVersion.id)} (version ${modelVersion.version} of "${printable(modelVersion.modelName)}", ${modelVersion.stage})`,
    );
  io.stdout(`${options.json ? trainReportJson(report) : `${formatTrainText(report)}\n\n${lines.join('\n')}`}\n`);
  return report;
}

/** The TF.js backend for kinds that run on it (the MLP), else null; TF.js itself is loaded only for them. */
async function mlpBackend(spec: PipelineSpec): Promise<NodeBackendChoice | null> {
  if (modelEntry(spec.model.kind).runtime !== 'tfjs') return null;
  const { selectNodeBackend } = await import('../adapters/tf-backend/node-backend.ts');
  return selectNodeBackend();
}

/** The installed TF.js version, read from its package.json so a forest run need not load TF.js to record it. */
function installedTfjsVersion(): string {
  const pkg = createRequire(import.meta.url)('@tensorflow/tfjs/package.json') as { version: string };
  return pkg.version;
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (cause) {
    throw cannotWrite(path, cause);
  }
}

async function checkWritable(path: string): Promise<void> {
  try {
    await access(dirname(resolve(path)), constants.W_OK);
  } catch (cause) {
    throw cannotWrite(path, cause);
  }
}

function cannotWrite(path: string, cause: unknown): WorkbenchError {
  const code = (cause as NodeJS.ErrnoException).code;
  return new WorkbenchError(
    'cli.write_failed',
    `Cannot write the predictions to "${printable(path)}" (${code ?? String(cause)}). Check that its folder exists and is writable, or give another path.`,
    { cause },
  );
}
