import { describe, expect, it } from 'vitest';
import type { MlpSpec } from '../../../src/core/models/mlp/mlp-spec.ts';
import { defaultModelSpec, defaultPipelineSpec, type ModelKind } from '../../../src/core/train/pipeline-spec.ts';
import { validatePipelineSpec } from '../../../src/core/train/validate-spec.ts';

describe('validatePipelineSpec', () => {
  it('accepts the default spec of every model kind', () => {
    for (const kind of ['forest', 'logistic', 'linear', 'mlp'] as ModelKind[]) {
      const spec = defaultPipelineSpec('abc', 'species', kind);
      expect(validatePipelineSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    }
  });

  it('lists every problem with the field it concerns', () => {
    const spec = {
      ...defaultPipelineSpec('abc', 'y'),
      features: ['y'],
      seed: 1.5,
      split: { kind: 'random', testFraction: 2, stratify: true, seed: 1 },
    };
    expect(() => validatePipelineSpec(spec)).toThrow(
      /features must not include the target "y"; seed must be a whole number; split.testFraction must be between 0 and 1/,
    );
  });

  it('refuses what is not an object', () => {
    expect(() => validatePipelineSpec([1, 2])).toThrow(/must be a JSON object/);
  });

  it('checks model hyperparameters', () => {
    const spec = defaultPipelineSpec('abc', 'y', 'forest');
    expect(() => validatePipelineSpec({ ...spec, model: { ...spec.model, trees: 0 } })).toThrow(
      /model.trees must be a whole number from 1 to 2000/,
    );
    expect(() => validatePipelineSpec({ ...spec, model: { kind: 'svm' } })).toThrow(/model.kind must be/);
  });

  it('refuses hyperparameters outside the ranges the Train form offers, naming the field, its range and the value', () => {
    const spec = defaultPipelineSpec('abc', 'y', 'mlp');
    const mlp = spec.model as MlpSpec;
    const refuse = (model: object, message: RegExp) =>
      expect(() => validatePipelineSpec({ ...spec, model: { ...mlp, ...model } })).toThrow(message);
    refuse(
      { earlyStopping: { validationFraction: 0.999, patience: 5 } },
      /model\.earlyStopping\.validationFraction must be a number greater than 0 and at most 0\.5 \(got 0\.999\)/,
    );
    refuse(
      { learningRate: 1e308 },
      /model\.learningRate must be a number greater than 0 and at most 1 \(got 1e\+308\)/,
    );
    refuse({ learningRate: 0 }, /model\.learningRate must be a number greater than 0/);
    refuse({ activation: 'gelu' }, /model\.activation must be "relu", "tanh" or "sigmoid" \(got "gelu"\)/);
    refuse(
      { hiddenLayers: [64, 0] },
      /model\.hiddenLayers must be a list of 1 to 32 entries, each a whole number from 1 to 4096/,
    );
    refuse(
      { earlyStopping: true },
      /model\.earlyStopping must be null \(off\) or an object with validationFraction, patience/,
    );
    expect(() => validatePipelineSpec({ ...spec, model: { ...defaultModelSpec('forest'), maxFeatures: 1.5 } })).toThrow(
      /model\.maxFeatures must be "sqrt", "log2", "all" or a number greater than 0 and at most 1 \(got 1\.5\)/,
    );
    expect(() =>
      validatePipelineSpec({ ...spec, model: { ...defaultModelSpec('forest'), maxDepth: null } }),
    ).not.toThrow();
  });

  it('refuses a network with more parameters than the workbench trains, whatever the data', () => {
    const spec = defaultPipelineSpec('abc', 'y', 'mlp');
    const huge = { ...(spec.model as MlpSpec), hiddenLayers: new Array(20).fill(4096) };
    // 19 × 4097 × 4096 weights between the hidden layers alone: about 319 million.
    expect(() => validatePipelineSpec({ ...spec, model: huge })).toThrow(
      /model would have at least 318,\d{3},\d{3} parameters, more than the 50,000,000 the workbench trains/,
    );
    const wide = { ...(spec.model as MlpSpec), hiddenLayers: [4096, 4096] };
    expect(() => validatePipelineSpec({ ...spec, model: wide })).not.toThrow();
  });
});
