/**
 * Export ONNX in the registry: a registered penguins version downloads as
 * one .onnx file that parses as an ONNX model with one input per raw column
 * and the label/probabilities outputs, and ONNX Runtime (in Node) scores a
 * row with it.
 */
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { download, openVersion, registerRun } from './registry-helpers.js';
import { chooseModel, trainAndWait } from './train-helpers.js';

const { onnx } = onnxProto;
const MODEL = 'penguins-onnx';

test(
  'Export ONNX downloads a model that takes the raw columns and ONNX Runtime runs',
  async (s) => {
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    await goTo(page, 'Runs');
    await registerRun(page, 'logistic #1', MODEL);
    await goTo(page, 'Registry');
    const panel = await openVersion(page, MODEL, 1);
    const file = await download(page, panel.getByRole('button', { name: 'Export ONNX' }));
    assert.equal(file.name, `${MODEL}-v1.onnx`);

    const model = onnx.ModelProto.decode(file.bytes);
    const types = Object.fromEntries(model.graph.input.map((i) => [i.name, i.type.tensorType.elemType]));
    const { DOUBLE, STRING } = onnx.TensorProto.DataType;
    assert.deepEqual(types, {
      island: STRING,
      bill_length_mm: DOUBLE,
      bill_depth_mm: DOUBLE,
      flipper_length_mm: DOUBLE,
      body_mass_g: DOUBLE,
      sex: STRING,
    });
    assert.deepEqual(
      model.graph.output.map((o) => o.name),
      ['label', 'probabilities'],
    );
    const props = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    assert.equal(props.model_name, MODEL);
    assert.equal(props.model_version, '1');
    assert.match(props.pipeline_spec_hash, /^[0-9a-f]{64}$/);

    const session = await ort.InferenceSession.create(file.bytes);
    const num = (v) => new ort.Tensor('float64', Float64Array.from([v]), [1, 1]);
    const str = (v) => new ort.Tensor('string', [v], [1, 1]);
    // A Gentoo-sized penguin from Biscoe.
    const result = await session.run({
      island: str('Biscoe'),
      bill_length_mm: num(47.5),
      bill_depth_mm: num(14.2),
      flipper_length_mm: num(217),
      body_mass_g: num(5200),
      sex: str('female'),
    });
    assert.deepEqual(result.label.data, ['Gentoo']);
    await session.release();
  },
  LONG,
);
