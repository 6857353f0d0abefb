import { describe, expect, it } from 'vitest';
import { TrainForm } from '../../../src/state/train-form.svelte.ts';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion } from './fakes/workspace-seed.ts';

function setup() {
  const context = testContext();
  const versions = new VersionsState(context);
  return { context, versions, form: new TrainForm(versions) };
}

describe('TrainForm', () => {
  it('asks for a saved version first', () => {
    const { form } = setup();
    expect(form.versionId).toBe('');
    expect(form.problem).toBe('Save a dataset version first (Data view), then train on it.');
  });

  it('starts from the newest version, its target, its task and every other column as features', async () => {
    const { context, form } = setup();
    const iris = await saveVersion(context);
    expect(form.versionId).toBe(iris.id);
    expect(form.target).toBe('species');
    expect(form.detectedTask).toBe('classification');
    expect(form.features).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(form.problem).toBeNull();
    expect(form.spec).toMatchObject({
      datasetVersionId: iris.id,
      target: 'species',
      features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      split: { kind: 'random', testFraction: 0.2, stratify: true, seed: 42 },
      crossValidation: null,
    });
  });

  it('gives a newer version its own defaults, and keeps the choices made on a version', async () => {
    const { context, form } = setup();
    const iris = await saveVersion(context);
    form.features = ['petal_length'];
    expect(form.spec.features).toEqual(['petal_length']);
    const other = await saveVersion(context, 'pairs', 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n');
    // A newer version is picked by default, with its own defaults.
    expect([form.versionId, form.target]).toEqual([other.id, 'label']);
    expect(form.features).toEqual(['a', 'b']);
    form.pickVersion(iris.id);
    expect([form.target, form.features]).toEqual(['species', ['petal_length']]);
  });

  it('names what is missing or invalid', async () => {
    const { context, form } = setup();
    await saveVersion(context);
    form.features = [];
    expect(form.problem).toBe('Choose at least one feature column.');
    form.features = ['sepal_length'];
    form.cvFolds = 5;
    expect(form.spec.crossValidation).toEqual({ folds: 5 });
    form.cvFolds = null;
    expect(form.spec.crossValidation).toBeNull();
    form.testFraction = 1.5;
    expect(form.problem).toMatch(/split\.testFraction must be between 0 and 1/);
  });

  it('offers only the kinds that can learn the task, and says when a task change replaced the pick', async () => {
    const { context, form } = setup();
    await saveVersion(context);
    expect(form.modelChoices.map((m) => m.kind)).toEqual(['forest', 'logistic', 'mlp']);
    form.target = 'petal_width';
    expect(form.task).toBe('regression');
    expect(form.modelChoices.map((m) => m.kind)).toEqual(['forest', 'mlp', 'linear']);
    form.modelKind = 'linear';
    expect(form.spec.model).toEqual({ kind: 'linear', alpha: 1 });
    form.target = 'species';
    expect(form.modelKind).toBe('forest');
    expect(form.spec.model.kind).toBe('forest');
    expect(form.modelNote).toBe(
      'Linear (ridge) regression cannot learn classification, so Random forest is chosen instead.',
    );
    form.modelKind = 'logistic';
    expect(form.modelNote).toBeNull();
  });

  it('builds the model spec from the catalogue’s parameters and refuses values outside their ranges', async () => {
    const { context, form } = setup();
    await saveVersion(context);
    form.modelKind = 'mlp';
    form.setParam('hiddenLayers', [16, 8]);
    form.setParam('earlyStopping', null);
    expect(form.spec.model).toMatchObject({ kind: 'mlp', hiddenLayers: [16, 8], earlyStopping: null, epochs: 200 });
    expect(form.problem).toBeNull();
    form.setParam('earlyStopping', { validationFraction: 0.999, patience: 5 });
    expect(form.problem).toMatch(
      /model\.earlyStopping\.validationFraction must be a number greater than 0 and at most 0\.5/,
    );
    // Another kind keeps its own values; coming back finds the MLP's as typed.
    form.modelKind = 'forest';
    expect(form.problem).toBeNull();
    form.modelKind = 'mlp';
    expect(form.spec.model).toMatchObject({ hiddenLayers: [16, 8] });
  });
});
