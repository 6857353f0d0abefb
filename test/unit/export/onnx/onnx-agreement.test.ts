import { describe, expect, it } from 'vitest';
import type { ColumnSchema, DataTable } from '../../../../src/core/data/types.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { defaultPipelineSpec, type ModelKind, type PipelineSpec } from '../../../../src/core/train/pipeline-spec.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';
import { exportOnnx, maxAbsDiff, sample, scoreWithOrt, scoreWithWorkbench, trainForExport } from './onnx-harness.ts';

/**
 * Generated rows: two numeric columns with missing cells, a category with
 * missing cells and a rare value, a boolean; a binary, a three-class and a
 * numeric target that depend on them.
 */
function generated(rows = 400): { table: DataTable; schema: ColumnSchema[] } {
  const rng = seededRng(11);
  const colors = ['red', 'green', 'blue', 'teal'];
  const a: (number | null)[] = [];
  const b: (number | null)[] = [];
  const color: (string | null)[] = [];
  const flag: number[] = [];
  const binary: string[] = [];
  const three: string[] = [];
  const value: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = rng() * 10 - 5;
    const y = rng() * 100;
    const c = rng() < 0.02 ? 'violet' : colors[Math.floor(rng() * colors.length)];
    const f = rng() < 0.5 ? 1 : 0;
    a.push(rng() < 0.08 ? null : x);
    b.push(rng() < 0.05 ? null : y);
    color.push(rng() < 0.06 ? null : c);
    flag.push(f);
    const score = x + y / 25 + (c === 'red' ? 2 : 0) - f + rng() * 2;
    binary.push(score > 2 ? 'yes' : 'no');
    three.push(score < 0 ? 'low' : score < 4 ? 'mid' : 'high');
    value.push(1000 + 250 * x + 3 * y + (c === 'blue' ? 400 : 0) + 50 * f + rng() * 30);
  }
  const t = table(
    numeric('a', a),
    numeric('b', b),
    strings('color', color),
    numeric('flag', flag, 'boolean'),
    strings('binary', binary),
    strings('three', three),
    numeric('value', value),
  );
  const schema: ColumnSchema[] = t.columns.map((c) => ({ name: c.name, type: c.type, role: 'feature' }));
  return { table: t, schema };
}

/** 1e-5 of the largest value's size (at least 1e-5). */
function relativeBound(values: Float64Array): number {
  let max = 1;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return 1e-5 * max;
}

/** A spec whose features are `features` (the other columns are ignored), small enough to train quickly. */
function specFor(target: string, features: string[], kind: ModelKind): PipelineSpec {
  const spec = defaultPipelineSpec('generated', target, kind);
  spec.features = features;
  if (spec.model.kind === 'mlp') Object.assign(spec.model, { hiddenLayers: [12, 8], epochs: 15, batchSize: 32 });
  if (spec.model.kind === 'forest') Object.assign(spec.model, { trees: 25 });
  return spec;
}

const GENERATED_FEATURES = ['a', 'b', 'color', 'flag'];
const cases: {
  name: string;
  data: () => { table: DataTable; schema: ColumnSchema[] };
  target: string;
  features: string[];
  kinds: ModelKind[];
}[] = [
  {
    name: 'generated binary',
    data: generated,
    target: 'binary',
    features: GENERATED_FEATURES,
    kinds: ['forest', 'logistic', 'mlp'],
  },
  {
    name: 'generated three-class',
    data: generated,
    target: 'three',
    features: GENERATED_FEATURES,
    kinds: ['forest', 'logistic', 'mlp'],
  },
  {
    name: 'generated regression',
    data: generated,
    target: 'value',
    features: GENERATED_FEATURES,
    kinds: ['forest', 'linear', 'mlp'],
  },
  {
    name: 'iris (3 classes)',
    data: () => sample('iris'),
    target: 'species',
    features: [],
    kinds: ['forest', 'logistic', 'mlp'],
  },
  {
    name: 'penguins species (categories, missing cells)',
    data: () => sample('penguins'),
    target: 'species',
    features: ['island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'],
    kinds: ['forest', 'logistic', 'mlp'],
  },
  {
    name: 'penguins body mass (regression)',
    data: () => sample('penguins'),
    target: 'body_mass_g',
    features: ['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'sex'],
    kinds: ['forest', 'linear', 'mlp'],
  },
];

describe('ONNX export agrees with the workbench in ONNX Runtime', () => {
  for (const c of cases) {
    for (const kind of c.kinds) {
      it(`${kind} on ${c.name}: identical labels, outputs within 1e-5 on the held-out rows`, async () => {
        const { table: data, schema } = c.data();
        const { outcome, input } = await trainForExport(data, schema, specFor(c.target, c.features, kind));
        const bytes = exportOnnx(input);
        const rows = outcome.predictions.rows;
        expect(rows.length).toBeGreaterThan(20);
        const ort = await scoreWithOrt(bytes, input.preprocessor, data, rows);
        const own = await scoreWithWorkbench(input, data, rows);
        if (outcome.task === 'classification') {
          // The run's own held-out predictions, the serving path's, and ONNX Runtime's.
          const runLabels = Array.from(outcome.predictions.predicted, (k) => outcome.labels[k]);
          expect(own.label).toEqual(runLabels);
          expect(ort.label).toEqual(runLabels);
          expect(ort.probabilities!.length).toBe(rows.length * outcome.labels.length);
          expect(maxAbsDiff(ort.probabilities!, own.output)).toBeLessThan(1e-5);
          expect(maxAbsDiff(ort.probabilities!, outcome.predictions.proba!)).toBeLessThan(1e-5);
        } else {
          expect(ort.variable!.length).toBe(rows.length);
          // The MLP's own output is float32 (TF.js) scaled back to the target's units, so on a target in the
          // thousands one float32 step is ~1e-4: there the bound is relative. Forest and ridge agree absolutely.
          const bound = kind === 'mlp' ? relativeBound(own.output) : 1e-5;
          expect(maxAbsDiff(ort.variable!, own.output)).toBeLessThan(bound);
          expect(maxAbsDiff(ort.variable!, outcome.predictions.predicted)).toBeLessThan(bound);
        }
      }, 120_000);
    }
  }
});
