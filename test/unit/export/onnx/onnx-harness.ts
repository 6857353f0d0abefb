import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { parseCsv } from '../../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../../src/core/data/profile/roles.ts';
import { cellText, isNumericColumn, type ColumnSchema, type DataTable } from '../../../../src/core/data/types.ts';
import { exportOnnx, pipelineSpecHash, type OnnxExportInput } from '../../../../src/core/export/onnx/index.ts';
import { argmaxRows } from '../../../../src/core/models/argmax-rows.ts';
import type { PipelineSpec } from '../../../../src/core/train/pipeline-spec.ts';
import { transform, type Preprocessor } from '../../../../src/core/train/preprocess.ts';
import { runPipeline, type RunOutcome } from '../../../../src/core/train/run-pipeline.ts';
import { openPredictor } from '../../../../src/core/train/train-model.ts';

/** The MLP runs on the backend handed in; the other kinds ignore it. */
export const cpu = { tf, backend: 'cpu' };

/** A bundled sample as a table and the schema with guessed roles. */
export function sample(name: string): { table: DataTable; schema: ColumnSchema[] } {
  const { table } = parseCsv(new Uint8Array(readFileSync(`public/samples/${name}.csv`)));
  const roles = guessRoles(table);
  return { table, schema: table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] })) };
}

/** A run's outcome and the export input a registered version of it would give. */
export async function trainForExport(
  table: DataTable,
  schema: ColumnSchema[],
  spec: PipelineSpec,
): Promise<{ outcome: RunOutcome; input: OnnxExportInput }> {
  const outcome = await runPipeline(table, schema, spec, { clock: () => 0, tf: cpu });
  const target = schema.find((c) => c.name === spec.target)!;
  const input: OnnxExportInput = {
    version: {
      id: 'model@1',
      modelName: 'model',
      version: 1,
      datasetVersionId: spec.datasetVersionId,
      modelKind: spec.model.kind as OnnxExportInput['version']['modelKind'],
      signature: {
        inputs: outcome.features.map((name) => {
          const column = schema.find((c) => c.name === name)!;
          return { name, type: column.type, role: column.role };
        }),
        target: { name: target.name, type: target.type, labels: outcome.labels },
        task: outcome.task,
      },
    },
    preprocessor: outcome.preprocessor,
    artifact: outcome.model,
    specHash: pipelineSpecHash(spec),
    producerVersion: 'test',
  };
  return { outcome, input };
}

/** ORT feeds for some rows: one [rows, 1] tensor per raw column (double, or string with '' for missing). */
export function feeds(pre: Preprocessor, table: DataTable, rows: Int32Array): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const step of pre.steps) {
    const column = table.columns.find((c) => c.name === step.name)!;
    out[step.name] =
      step.kind === 'numeric' && isNumericColumn(column)
        ? new ort.Tensor(
            'float64',
            Float64Array.from(rows, (r) => column.values[r]),
            [rows.length, 1],
          )
        : new ort.Tensor(
            'string',
            Array.from(rows, (r) => cellText(column, r)),
            [rows.length, 1],
          );
  }
  return out;
}

/** What ONNX Runtime computes for the rows: labels and probabilities, or values. */
export async function scoreWithOrt(
  bytes: Uint8Array,
  pre: Preprocessor,
  table: DataTable,
  rows: Int32Array,
): Promise<{ label: string[] | null; probabilities: Float64Array | null; variable: Float64Array | null }> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  try {
    const result = await session.run(feeds(pre, table, rows));
    return {
      label: result.label ? (result.label.data as string[]) : null,
      probabilities: result.probabilities ? (result.probabilities.data as Float64Array) : null,
      variable: result.variable ? (result.variable.data as Float64Array) : null,
    };
  } finally {
    await session.release();
  }
}

/** What the workbench's own predictor computes for the rows (the path serving takes). */
export async function scoreWithWorkbench(
  input: OnnxExportInput,
  table: DataTable,
  rows: Int32Array,
): Promise<{ label: string[] | null; output: Float64Array }> {
  const { x } = transform(input.preprocessor, table, rows);
  const predictor = await openPredictor(input.artifact, input.preprocessor.outputNames.length, { tf: cpu });
  try {
    const output = await predictor.predict(x, rows.length);
    const labels = input.version.signature.target.labels;
    if (input.version.signature.task === 'regression') return { label: null, output };
    return { label: Array.from(argmaxRows(output, labels.length), (k) => labels[k]), output };
  } finally {
    predictor.dispose();
  }
}

/** The largest absolute difference between two arrays of equal length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

export { exportOnnx };
