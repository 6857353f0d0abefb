/**
 * Adding a model kind is one entry: a baseline ("majority class" / mean)
 * predictor, defined only here, is offered, validated, trained, evaluated,
 * stored and exported by the unchanged pipeline once it is in a catalogue.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import type { NumericColumn } from '../../../src/core/data/types.ts';
import type { ClassificationReport, RegressionReport } from '../../../src/core/metrics/index.ts';
import {
  MODEL_CATALOGUE,
  defaultModelSpec,
  modelsFor,
  type ModelCatalogue,
} from '../../../src/core/models/catalogue.ts';
import type { BaseModelSpec, ModelEntry } from '../../../src/core/models/model-entry.ts';
import { invalidModel } from '../../../src/core/models/imported-model-checks.ts';
import { jsonBytes, parseJsonFile } from '../../../src/core/models/model-file-io.ts';
import { artifactFromFiles, modelFiles } from '../../../src/core/registry/bundle/model-files.ts';
import { validateBundleModel } from '../../../src/core/registry/bundle/validate-bundle-model.ts';
import type { InputSignature } from '../../../src/core/registry/registry-types.ts';
import { decodeArtifact, encodeArtifact } from '../../../src/core/train/model-artifact-codec.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline, type RunOutcome } from '../../../src/core/train/run-pipeline.ts';
import { validatePipelineSpec } from '../../../src/core/train/validate-spec.ts';

interface BaselineSpec {
  kind: 'baseline';
  /** Laplace smoothing of the class shares. */
  smoothing: number;
}
interface BaselineArtifact {
  kind: 'baseline';
  /** Class probabilities, or the single mean for regression. */
  output: number[];
}

/** Predicts the training class shares (so the majority class) or the training mean, whatever the row. */
const baselineEntry: ModelEntry<BaselineSpec, BaselineArtifact> = {
  kind: 'baseline',
  label: 'Baseline (majority class or mean)',
  shortName: 'baseline',
  tasks: ['classification', 'regression'],
  params: [
    {
      name: 'smoothing',
      label: 'Smoothing',
      help: 'Added to every class count.',
      type: 'number',
      default: 0,
      min: 0,
      max: 10,
      integer: false,
      step: 'any',
    },
  ],
  runtime: 'none',
  curve: null,
  inputLimit: Number.MAX_VALUE,
  estimate: (_spec, shape) => ({ parameters: shape.task === 'classification' ? shape.classCount : 1, bytes: 0 }),
  async train(spec, data) {
    if (data.task === 'regression') {
      let sum = 0;
      for (const v of data.y) sum += v;
      const mean = sum / data.rows;
      return { kind: 'baseline', output: [mean] };
    }
    const counts = new Array<number>(data.classCount).fill(spec.smoothing);
    for (const c of data.y) counts[c] += 1;
    const total = counts.reduce((a, b) => a + b, 0);
    return { kind: 'baseline', output: counts.map((n) => n / total) };
  },
  async open(artifact) {
    const k = artifact.output.length;
    return {
      predict: async (_x, rows) => Float64Array.from({ length: rows * k }, (_, i) => artifact.output[i % k]),
      dispose: () => {},
    };
  },
  toStored: (artifact) => ({ header: artifact, binary: new Uint8Array(0) }),
  fromStored: (header) => header as BaselineArtifact,
  fileNames: ['baseline.json'],
  writeFiles: (artifact) => [['baseline.json', jsonBytes(artifact)]],
  readFiles: (files) => parseJsonFile('baseline.json', files) as BaselineArtifact,
  checkImported(artifact, { task, labels }) {
    const k = task === 'classification' ? labels : 1;
    if (!Array.isArray(artifact.output) || artifact.output.length !== k)
      throw invalidModel('baseline.json', `it holds ${String(artifact.output?.length)} outputs, not ${k}`);
    return (_x, rows) => Float64Array.from({ length: rows * k }, (_, i) => artifact.output[i % k]);
  },
};

const catalogue: ModelCatalogue = [...MODEL_CATALOGUE, baselineEntry];

function iris() {
  const { table } = parseCsv(new Uint8Array(readFileSync('public/samples/iris.csv')));
  const roles = guessRoles(table);
  return { table, schema: table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] })) };
}

function baselineSpec(target: string, model: object = {}): PipelineSpec<BaseModelSpec> {
  return { ...defaultPipelineSpec('iris', target), model: { ...defaultModelSpec('baseline', catalogue), ...model } };
}

/** The signature registration would record for `outcome`. */
function signatureOf(outcome: RunOutcome, schema: ReturnType<typeof iris>['schema']): InputSignature {
  const column = (name: string) => schema.find((c) => c.name === name)!;
  return {
    inputs: outcome.features.map((name) => column(name)),
    target: { name: 'species', type: column('species').type, labels: outcome.labels },
    task: outcome.task,
  };
}

describe('a model kind registered only in a test catalogue', () => {
  const data = iris();
  const clock = () => 0;

  it('is offered for the tasks it declares, with its parameters’ defaults', () => {
    expect(modelsFor('regression', catalogue).map((e) => e.kind)).toEqual(['forest', 'mlp', 'linear', 'baseline']);
    expect(defaultModelSpec('baseline', catalogue)).toEqual({ kind: 'baseline', smoothing: 0 });
    // The workbench's own catalogue does not know it.
    expect(modelsFor('regression').map((e) => e.kind)).not.toContain('baseline');
  });

  it('is validated against its own parameter ranges, and unknown to the default catalogue', () => {
    expect(() => validatePipelineSpec(baselineSpec('species', { smoothing: 11 }), catalogue)).toThrow(
      /model\.smoothing must be a number at least 0 and at most 10 \(got 11\)/,
    );
    expect(() => validatePipelineSpec(baselineSpec('species'))).toThrow(
      /model\.kind must be "forest", "logistic", "mlp" or "linear"/,
    );
  });

  it('trains and evaluates through the pipeline: the majority class of stratified iris scores one third', async () => {
    const outcome = await runPipeline(data.table, data.schema, baselineSpec('species', { smoothing: 1 }), {
      clock,
      catalogue,
    });
    expect(outcome.model).toEqual({ kind: 'baseline', output: [1 / 3, 1 / 3, 1 / 3] });
    const metrics = outcome.metrics as ClassificationReport;
    expect(metrics.n).toBe(30);
    // Equal shares: the first class ("setosa") wins every row, right for its 10 held-out rows.
    expect(metrics.accuracy).toBeCloseTo(10 / 30, 12);
    expect(Array.from(outcome.predictions.predicted)).toEqual(new Array(30).fill(0));
  });

  it('predicts the training mean for a regression target', async () => {
    const outcome = await runPipeline(data.table, data.schema, baselineSpec('petal_width'), { clock, catalogue });
    const column = data.table.columns.find((c) => c.name === 'petal_width')!;
    const values = (column as NumericColumn).values;
    const test = new Set(outcome.predictions.rows);
    const train = Array.from(values).filter((_, r) => !test.has(r));
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    expect(train).toHaveLength(120);
    expect((outcome.model as BaselineArtifact).output[0]).toBeCloseTo(mean, 12);
    expect(outcome.predictions.predicted.every((p) => Math.abs(p - mean) < 1e-12)).toBe(true);
    expect((outcome.metrics as RegressionReport).r2).toBeLessThanOrEqual(0);
  });

  it('is stored as a blob and exported as bundle files, and read back identically', async () => {
    const outcome = await runPipeline(data.table, data.schema, baselineSpec('species'), { clock, catalogue });
    const bytes = encodeArtifact(outcome.model, catalogue);
    expect(decodeArtifact(bytes, catalogue)).toEqual(outcome.model);
    // The default catalogue cannot read what it does not know.
    expect(() => decodeArtifact(bytes)).toThrow(/damaged or not a workbench model/);

    const files = modelFiles(outcome.model, '4.22.0', catalogue);
    expect(files.map(([name]) => name)).toEqual(['baseline.json']);
    const rebuilt = artifactFromFiles('baseline', new Map(files), catalogue);
    expect(encodeArtifact(rebuilt, catalogue)).toEqual(bytes);
  });

  it('is checked on import by its own entry: a sound file passes the smoke prediction, a damaged one is named', async () => {
    const outcome = await runPipeline(data.table, data.schema, baselineSpec('species'), { clock, catalogue });
    const signature = signatureOf(outcome, data.schema);
    expect(() => validateBundleModel(outcome.model, outcome.preprocessor, signature, catalogue)).not.toThrow();
    const damaged = { kind: 'baseline', output: [0.5, 0.5] };
    expect(() => validateBundleModel(damaged, outcome.preprocessor, signature, catalogue)).toThrow(
      /baseline\.json cannot be used: it holds 2 outputs, not 3/,
    );
    // Probabilities that do not sum to 1 fail the shared smoke prediction.
    const unnormalized = { kind: 'baseline', output: [0.5, 0.5, 0.5] };
    expect(() => validateBundleModel(unnormalized, outcome.preprocessor, signature, catalogue)).toThrow(
      /baseline\.json cannot be used/,
    );
  });
});
