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
});
