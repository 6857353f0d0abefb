import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../../src/core/data/types.ts';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import { defaultPipelineSpec } from '../../../../src/core/train/pipeline-spec.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';
import { exportOnnx, sample, scoreWithOrt, scoreWithWorkbench, trainForExport } from './onnx-harness.ts';

const { onnx } = onnxProto;
const penguins = sample('penguins');

async function penguinExport(kind: 'forest' | 'logistic' = 'logistic') {
  const spec = defaultPipelineSpec('penguins-v1', 'species', kind);
  spec.features = ['island', 'bill_length_mm', 'flipper_length_mm', 'sex'];
  return trainForExport(penguins.table, penguins.schema, spec);
}

function refusal(run: () => unknown): WorkbenchError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('the export was not refused');
}

describe('ONNX export structure', () => {
  it('takes one input per raw column (double or string) and names outputs, opsets and metadata', async () => {
    const { input } = await penguinExport();
    const model = onnx.ModelProto.decode(exportOnnx(input));
    const elem = (v: onnxProto.onnx.IValueInfoProto) => v.type!.tensorType!.elemType;
    expect(model.graph!.input!.map((i) => [i.name, elem(i)])).toEqual([
      ['island', onnx.TensorProto.DataType.STRING],
      ['bill_length_mm', onnx.TensorProto.DataType.DOUBLE],
      ['flipper_length_mm', onnx.TensorProto.DataType.DOUBLE],
      ['sex', onnx.TensorProto.DataType.STRING],
    ]);
    expect(model.graph!.output!.map((o) => o.name)).toEqual(['label', 'probabilities']);
    expect(Number(model.graph!.output![1].type!.tensorType!.shape!.dim![1].dimValue)).toBe(3);
    expect(model.opsetImport!.map((o) => [o.domain, Number(o.version)])).toEqual([
      ['', 21],
      ['ai.onnx.ml', 5],
    ]);
    const props = Object.fromEntries(model.metadataProps!.map((p) => [p.key, p.value]));
    expect(props).toMatchObject({
      model_name: 'model',
      model_version: '1',
      dataset_version_id: 'penguins-v1',
      pipeline_spec_hash: input.specHash,
      class_labels: JSON.stringify(input.version.signature.target.labels),
    });
    expect(input.specHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same bytes for the same version', async () => {
    const { input } = await penguinExport('forest');
    expect(exportOnnx(input)).toEqual(exportOnnx(input));
  });

  it('treats a category unseen in training, a missing category and a missing number as the workbench does', async () => {
    const { input } = await penguinExport();
    const rows = Int32Array.from([0, 1, 2, 3]);
    const probe: DataTable = table(
      strings('island', ['Atlantis', null, 'Dream', 'Biscoe']),
      numeric('bill_length_mm', [40, null, 45, 50]),
      numeric('flipper_length_mm', [190, 200, null, 210]),
      strings('sex', ['male', 'female', null, 'unknown']),
    );
    const own = await scoreWithWorkbench(input, probe, rows);
    const viaOrt = await scoreWithOrt(exportOnnx(input), input.preprocessor, probe, rows);
    expect(viaOrt.label).toEqual(own.label);
    for (let i = 0; i < own.output.length; i++) expect(viaOrt.probabilities![i]).toBeCloseTo(own.output[i], 10);
  });

  it('refuses a model kind it has no builder for', async () => {
    const { input } = await penguinExport();
    const error = refusal(() => exportOnnx({ ...input, artifact: { kind: 'gbm' } }));
    expect(error.code).toBe('onnx.unsupported_model');
    expect(error.message).toContain('"gbm"');
    expect(error.message).toContain('Export the workbench bundle instead');
  });

  it('refuses a model that does not fit its preprocessing', async () => {
    const { input } = await penguinExport();
    const pre = { ...input.preprocessor, steps: input.preprocessor.steps.slice(1) };
    pre.outputNames = input.preprocessor.outputNames.slice(input.preprocessor.outputNames.length - 4);
    const error = refusal(() => exportOnnx({ ...input, preprocessor: pre }));
    expect(error.code).toBe('onnx.unsupported_model');
    expect(error.message).toContain('no ONNX file was written');
  });

  it('refuses preprocessing the graph cannot express, naming the column', async () => {
    const { input } = await penguinExport();
    const steps = input.preprocessor.steps.map((s) => (s.name === 'flipper_length_mm' ? { ...s, kind: 'log' } : s));
    const error = refusal(() =>
      exportOnnx({
        ...input,
        preprocessor: { ...input.preprocessor, steps: steps as typeof input.preprocessor.steps },
      }),
    );
    expect(error.code).toBe('onnx.unsupported_preprocessing');
    expect(error.message).toContain('"log"');
    const scale = input.preprocessor.steps.map((s) => (s.kind === 'numeric' ? { ...s, scale: NaN } : s));
    const second = refusal(() => exportOnnx({ ...input, preprocessor: { ...input.preprocessor, steps: scale } }));
    expect(second.message).toContain('non-finite fill, center or scale');
  });

  it('refuses a feature column named like an output', async () => {
    const { input } = await penguinExport();
    const steps = input.preprocessor.steps.map((s) => (s.name === 'sex' ? { ...s, name: 'label' } : s));
    const error = refusal(() => exportOnnx({ ...input, preprocessor: { ...input.preprocessor, steps } }));
    expect(error.code).toBe('onnx.name_clash');
  });
});
