import { describe, expect, it } from 'vitest';
import { defaultPipelineSpec, type ModelKind } from '../../../src/core/train/pipeline-spec.ts';
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
});
