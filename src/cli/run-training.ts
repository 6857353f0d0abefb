import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { selectNodeBackend } from '../adapters/tf/node-backend.ts';
import { datasetId } from '../core/data/dataset-id.ts';
import { parseCsv } from '../core/data/parse-csv.ts';
import { guessRoles } from '../core/data/roles.ts';
import type { ColumnSchema, DataTable } from '../core/data/types.ts';
import { WorkbenchError } from '../core/errors.ts';
import type { PipelineSpec } from '../core/train/pipeline-spec.ts';
import { runPipeline } from '../core/train/run-pipeline.ts';
import type { CliIo } from './command.ts';
import { predictionsCsv } from './predictions-csv.ts';
import { readInputFile } from './read-file.ts';
import { printable } from './text-table.ts';
import { buildTrainReport, formatTrainText, trainReportJson, type TrainReport } from './train-report.ts';

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
}

/** Reads and parses a CSV file; roles are guessed as the browser first guesses them. */
export async function loadData(path: string): Promise<LoadedData> {
  const { table } = parseCsv(await readInputFile(path));
  const roles = guessRoles(table);
  const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));
  return { path, table, schema, versionId: await datasetId(table) };
}

/**
 * Runs `spec` on the data, writes the held-out predictions when asked, and
 * prints the report (one JSON object with `json`, else a summary).
 */
export async function runAndReport(data: LoadedData, spec: PipelineSpec, options: { predictions: string | null; json: boolean }, io: CliIo): Promise<TrainReport> {
  // Fail before a long training run, not after it, when the output cannot be written.
  if (options.predictions !== null) await checkWritable(options.predictions);
  const backend = spec.model.kind === 'mlp' ? await selectNodeBackend() : null;
  const outcome = await runPipeline(data.table, data.schema, spec, { clock: () => performance.now() });
  if (options.predictions !== null) await writeOutput(options.predictions, predictionsCsv(outcome));
  const report = buildTrainReport(outcome, spec, { file: basename(data.path), backend, predictionsFile: options.predictions });
  io.stdout(`${options.json ? trainReportJson(report) : formatTrainText(report)}\n`);
  return report;
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
    'cli.write-failed',
    `Cannot write the predictions to "${printable(path)}" (${code ?? String(cause)}). Check that its folder exists and is writable, or give another path.`,
    { cause },
  );
}
