import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forwardDense } from '../../../../src/core/models/mlp/dense-forward.ts';
import { checkMlpFiles } from '../../../../src/core/models/mlp/check-mlp-files.ts';
import { loadMlp, predictMlp, type MlpArtifact } from '../../../../src/core/models/mlp/mlp-model.ts';
import { trained } from '../../registry/bundle/bundle-fixtures.ts';

describe('the import’s TF.js-free MLP forward pass', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const task of ['classification', 'regression'] as const) {
    it(`predicts what TF.js predicts for a trained ${task} MLP`, async () => {
      const t = await trained('mlp', task);
      const artifact = t.artifact as MlpArtifact;
      const model = await loadMlp(tf, artifact);
      const expected = await predictMlp(tf, model, artifact, t.data.x, t.data.rows, t.data.width);
      model.dispose();
      const layers = checkMlpFiles(artifact, {
        width: t.data.width,
        task: t.version.signature.task,
        labels: t.version.signature.target.labels.length,
      });
      expect(layers.map((l) => [l.inputs, l.units, l.activation])).toEqual([
        [2, 6, 'relu'],
        [6, task === 'classification' ? 2 : 1, task === 'classification' ? 'softmax' : 'linear'],
      ]);
      const raw = forwardDense(layers, t.data.x, t.data.rows);
      const ours = task === 'regression' ? Array.from(raw, (v) => v * artifact.yScale + artifact.yCenter) : raw;
      expect(ours.length).toBe(expected.length);
      const scale = task === 'regression' ? artifact.yScale : 1;
      for (let i = 0; i < expected.length; i++) expect(Math.abs(ours[i] - expected[i])).toBeLessThan(1e-5 * scale);
    });
  }
});
