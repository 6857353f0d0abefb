import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMlp, predictMlp } from '../../../../src/core/models/mlp/mlp-model.ts';
import { exportModelBundle } from '../../../../src/core/registry/bundle/index.ts';
import type { MlpArtifact } from '../../../../src/core/models/mlp/mlp-model.ts';
import { entries, trained } from './bundle-fixtures.ts';

/** The exported folder as a static web server would serve it. */
function serveFolder(files: Map<string, Uint8Array>, folder: string): typeof fetch {
  return async (url) => {
    const path = new URL(String(url)).pathname.replace(`/${folder}/`, `${folder}/`);
    const bytes = files.get(path);
    return bytes ? new Response(bytes.slice(), { status: 200 }) : new Response('not found', { status: 404 });
  };
}

async function predict(model: tf.LayersModel, x: Float64Array, rows: number): Promise<Float32Array> {
  const input = tf.tensor2d(Float32Array.from(x), [rows, 2]);
  const output = model.predict(input) as tf.Tensor;
  const values = (await output.data()) as Float32Array;
  tf.dispose([input, output]);
  return values;
}

describe('an exported MLP folder', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['classification', 'regression'] as const)(
    'loads with tf.loadLayersModel over HTTP and predicts as the original (%s)',
    async (task) => {
      const t = await trained('mlp', task);
      const files = entries(
        await exportModelBundle({
          version: t.version,
          run: t.run,
          artifactBytes: t.artifactBytes,
          modelCardMarkdown: t.card,
        }),
      );
      const fetchFunc = serveFolder(files, 'churn-v3');

      // tf.io.http is the loader a served folder goes through: it reads model.json, then each weights path relative to it.
      const loaded = await tf.loadLayersModel(tf.io.http('http://models.test/churn-v3/model.json', { fetchFunc }));
      const original = await loadMlp(tf, t.artifact as MlpArtifact);
      const expected = await predict(original, t.data.x, t.data.rows);
      expect(await predict(loaded, t.data.x, t.data.rows)).toEqual(expected);
      expect(expected.length).toBe(task === 'classification' ? 2 * t.data.rows : t.data.rows);

      // The workbench's regression scaling travels in userDefinedMetadata.
      expect(loaded.getUserDefinedMetadata()).toEqual({
        mlopsWorkbench: {
          task,
          yCenter: (t.artifact as MlpArtifact).yCenter,
          yScale: (t.artifact as MlpArtifact).yScale,
        },
      });
      loaded.dispose();
      original.dispose();
    },
  );

  it('loads from model.json and weights.bin read per the manifest, as a file loader would', async () => {
    const t = await trained('mlp', 'regression');
    const files = entries(
      await exportModelBundle({
        version: t.version,
        run: t.run,
        artifactBytes: t.artifactBytes,
        modelCardMarkdown: t.card,
      }),
    );
    const modelJson = JSON.parse(new TextDecoder().decode(files.get('churn-v3/model.json'))) as tf.io.ModelJSON;
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.generatedBy).toBe('TensorFlow.js tfjs-layers v4.22.0');
    expect(modelJson.convertedBy).toBeNull();
    expect(modelJson.weightsManifest).toEqual([
      { paths: ['weights.bin'], weights: (t.artifact as MlpArtifact).weightSpecs },
    ]);

    const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
    const shards = modelJson.weightsManifest.flatMap((group) =>
      group.paths.map((p) => files.get(`churn-v3/${p}`) as Uint8Array),
    );
    const weightData = tf.io.concatenateArrayBuffers(shards.map((s) => s.slice().buffer));
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
    );

    const artifact = t.artifact as MlpArtifact;
    const original = await loadMlp(tf, artifact);
    const expected = await predictMlp(tf, original, artifact, t.data.x, t.data.rows, 2);
    const meta = modelJson.userDefinedMetadata?.mlopsWorkbench as Pick<MlpArtifact, 'task' | 'yCenter' | 'yScale'>;
    expect(await predictMlp(tf, loaded, meta, t.data.x, t.data.rows, 2)).toEqual(expected);
    loaded.dispose();
    original.dispose();
  });
});
