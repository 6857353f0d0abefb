import { describe, expect, it } from 'vitest';
import { checkPreprocessing } from '../../../../src/core/registry/bundle/check-preprocessing.ts';
import { exampleRows } from '../../../../src/core/registry/bundle/smoke-prediction.ts';
import type { InputSignature } from '../../../../src/core/registry/registry-types.ts';
import type { Preprocessor } from '../../../../src/core/train/preprocess.ts';

// A bundle whose categorical input kept its most frequent categories and
// folded the rest into an "other" column (hardening issue, item 8).
const pre: Preprocessor = {
  steps: [
    { kind: 'numeric', name: 'x', fill: 0, center: 0, scale: 1 },
    { kind: 'categorical', name: 'city', fill: 'b', categories: ['a', 'b'], other: { folded: 19_998, rows: 700 } },
    { kind: 'numeric', name: 'z', fill: 1, center: 1, scale: 2 },
  ],
  outputNames: ['x', 'city=a', 'city=b', 'city=(other)', 'z'],
};
const signature: InputSignature = {
  inputs: [
    { name: 'x', type: 'number', role: 'feature' },
    { name: 'city', type: 'category', role: 'feature' },
    { name: 'z', type: 'number', role: 'feature' },
  ],
  target: { name: 'y', type: 'category', labels: ['n', 'y'] },
  task: 'classification',
};

describe('bundle preprocessing with an "other" column', () => {
  it('is accepted, five columns wide', () => {
    expect(checkPreprocessing(pre, signature)).toBe(5);
  });

  it('is refused when its output names leave the "other" column out, or its counts are not counts', () => {
    expect(() => checkPreprocessing({ ...pre, outputNames: ['x', 'city=a', 'city=b', 'z'] }, signature)).toThrow(
      /do not follow its steps/,
    );
    const steps = pre.steps.map((s) => (s.kind === 'categorical' ? { ...s, other: { folded: -1, rows: 3 } } : s));
    expect(() => checkPreprocessing({ ...pre, steps }, signature)).toThrow(/"other" column without counts/);
  });

  it('makes example rows whose numeric values stay in their own columns, past the "other" column', () => {
    const { x, rows } = exampleRows(pre);
    expect(rows).toBe(5);
    // Row 0: fills. x → 0, city "b" → column 2, z → (1 − 1) / 2 = 0.
    expect(Array.from(x.subarray(0, 5))).toEqual([0, 0, 1, 0, 0]);
    // Row 1: x and z at −2 standard deviations, city cycles to "a".
    expect(Array.from(x.subarray(5, 10))).toEqual([-2, 1, 0, 0, -2]);
  });
});
