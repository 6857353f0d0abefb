import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../../src/core/models/forest/base64.ts';
import { predictProba, predictValue } from '../../../../src/core/models/forest/predict-forest.ts';
import {
  deserializeForest,
  serializeForest,
  type SerializedForest,
} from '../../../../src/core/models/forest/serialize-forest.ts';
import { trainForest } from '../../../../src/core/models/forest/train-forest.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { classification, regression } from './forest-helpers.ts';

const rng = seededRng(11);
const rows = Array.from({ length: 200 }, () => [rng(), rng(), rng()]);
const labels = rows.map((r) => (r[0] + r[2] > 1 ? (r[1] > 0.5 ? 2 : 1) : 0));
const targets = rows.map((r) => 3 * r[0] - r[1] * r[2]);
const x = Float64Array.from(rows.flat());

describe('serializeForest / deserializeForest', () => {
  it('round-trips a classifier to an identical model', () => {
    const model = trainForest(classification(rows, labels), { task: 'classification', trees: 15 }, seededRng(1));
    const text = serializeForest(model);
    const back = deserializeForest(text);
    expect(back).toEqual(model);
    expect(predictProba(back, x, rows.length)).toEqual(predictProba(model, x, rows.length));
    expect(serializeForest(back)).toBe(text);
  });

  it('round-trips a regressor', () => {
    const model = trainForest(regression(rows, targets), { task: 'regression', trees: 5, maxDepth: 6 }, seededRng(1));
    const back = deserializeForest(serializeForest(model));
    expect(back).toEqual(model);
    expect(predictValue(back, x, rows.length)).toEqual(predictValue(model, x, rows.length));
  });

  it('writes self-describing JSON with the params', () => {
    const model = trainForest(classification(rows, labels), { task: 'classification', trees: 2 }, seededRng(1));
    const doc = JSON.parse(serializeForest(model)) as SerializedForest;
    expect(doc.format).toBe('mlops-workbench/random-forest');
    expect(doc.version).toBe(1);
    expect(doc.params.trees).toBe(2);
    expect(doc.trees).toHaveLength(2);
    expect(typeof doc.trees[0].threshold).toBe('string');
  });

  it('rejects damaged or foreign blobs with a message that says what to do', () => {
    const model = trainForest(classification(rows, labels), { task: 'classification', trees: 2 }, seededRng(1));
    const doc = JSON.parse(serializeForest(model)) as SerializedForest;
    expect(() => deserializeForest('{not json')).toThrowError(/not valid JSON; retrain/);
    expect(() => deserializeForest(JSON.stringify({ ...doc, format: 'other' }))).toThrowError(/format is "other"/);
    expect(() => deserializeForest(JSON.stringify({ ...doc, version: 2 }))).toThrowError(/version 2.*Update the app/);
    const cut = structuredClone(doc);
    cut.trees[1].left = cut.trees[1].left.slice(0, 16);
    expect(() => deserializeForest(JSON.stringify(cut))).toThrowError(/tree 1 has arrays of inconsistent sizes/);
    // A child pointing back at the root would loop forever when predicting.
    const cyclic = structuredClone(doc);
    const left = new Int32Array(base64ToBytes(cyclic.trees[0].left)!.buffer);
    left[0] = 0;
    cyclic.trees[0].left = bytesToBase64(new Uint8Array(left.buffer));
    expect(() => deserializeForest(JSON.stringify(cyclic))).toThrowError(/tree 0 node 0 is not a valid split/);
  });
});

describe('base64', () => {
  it('matches the standard encoding and decodes it back', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const bytes = new TextEncoder().encode(text);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(text).toString('base64'));
      expect(base64ToBytes(encoded)).toEqual(bytes);
    }
    const big = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('returns null for text that is not base64', () => {
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab!d')).toBeNull();
    expect(base64ToBytes('a=bc')).toBeNull();
  });
});
