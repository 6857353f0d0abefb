import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/core/hash/sha256.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  exportModelBundle,
  importModelBundle,
  type BundleManifest,
} from '../../../../src/core/registry/bundle/index.ts';
import { decodeArtifact } from '../../../../src/core/train/model-artifact-codec.ts';
import type { ModelKind } from '../../../../src/core/train/pipeline-spec.ts';
import { openPredictor } from '../../../../src/core/train/train-model.ts';
import { entries, trained, type Trained } from './bundle-fixtures.ts';

const CASES: [ModelKind, 'classification' | 'regression', string[]][] = [
  ['mlp', 'classification', ['model.json', 'weights.bin']],
  ['mlp', 'regression', ['model.json', 'weights.bin']],
  ['forest', 'classification', ['forest.json']],
  ['forest', 'regression', ['forest.json']],
  ['logistic', 'classification', ['linear-model.json']],
  ['linear', 'regression', ['linear-model.json']],
];

async function exportOf(t: Trained): Promise<Uint8Array> {
  return exportModelBundle({
    version: t.version,
    run: t.run,
    artifactBytes: t.artifactBytes,
    modelCardMarkdown: t.card,
  });
}

describe('exportModelBundle → importModelBundle', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(CASES)('round-trips a %s (%s) with its files, records and exact blob', async (kind, task, modelFiles) => {
    const t = await trained(kind, task);
    const zip = await exportOf(t);

    const names = [...entries(zip).keys()];
    const common = ['preprocessing.json', 'pipeline.json', 'signature.json', 'model-card.md'];
    expect(names).toEqual(['manifest.json', 'version.json', ...modelFiles, ...common].map((n) => `churn-v3/${n}`));

    const imported = await importModelBundle(zip);
    expect(imported.artifactBytes).toEqual(t.artifactBytes);
    expect(await sha256Hex(imported.artifactBytes)).toBe(t.version.artifactBlob);
    expect(imported.version).toEqual(t.version);
    expect(imported.run).toEqual({ id: t.run.id, spec: t.run.spec, preprocessor: t.run.outcome?.preprocessor });
    expect(imported.cardMarkdown).toBe(t.card);
    expect(imported.manifest.files.map((f) => f.path)).toEqual(names.slice(1).map((n) => n.slice('churn-v3/'.length)));

    // The rebuilt model predicts exactly as the original.
    const before = await openPredictor(t.artifact, 2, { tf: { tf, backend: 'cpu' } });
    const after = await openPredictor(decodeArtifact(imported.artifactBytes), 2, { tf: { tf, backend: 'cpu' } });
    const expected = await before.predict(t.data.x, t.data.rows);
    expect(await after.predict(t.data.x, t.data.rows)).toEqual(expected);
    expect(expected.length).toBe(task === 'classification' ? 2 * t.data.rows : t.data.rows);
    before.dispose();
    after.dispose();
  });

  it('writes a manifest with the format, every file’s SHA-256 and size, and the artifact hash', async () => {
    const t = await trained('forest');
    const files = entries(await exportOf(t));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('churn-v3/manifest.json'))) as BundleManifest;
    expect(manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      modelName: 'churn',
      version: 3,
      modelKind: 'forest',
    });
    expect(manifest.artifactBlob).toBe(t.version.artifactBlob);
    expect(manifest.artifactBytes).toBe(t.artifactBytes.length);
    expect(manifest.files).toHaveLength(6);
    for (const entry of manifest.files) {
      const bytes = files.get(`churn-v3/${entry.path}`) as Uint8Array;
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(await sha256Hex(bytes));
    }
    // The forest's own JSON is kept byte for byte; the other files are the records as JSON.
    expect(new TextDecoder().decode(files.get('churn-v3/forest.json'))).toBe((t.artifact as { forest: string }).forest);
    expect(JSON.parse(new TextDecoder().decode(files.get('churn-v3/pipeline.json')))).toEqual(t.run.spec);
    expect(JSON.parse(new TextDecoder().decode(files.get('churn-v3/signature.json')))).toEqual(t.version.signature);
  });

  it('writes linear-model.json in its documented format', async () => {
    const t = await trained('logistic');
    const file = JSON.parse(new TextDecoder().decode(entries(await exportOf(t)).get('churn-v3/linear-model.json')));
    expect(file).toMatchObject({ format: 'mlops-workbench-linear-model', formatVersion: 1, kind: 'logistic' });
    expect(file.model).toEqual((t.artifact as { model: object }).model);
    expect(file.prediction).toContain('1 / (1 + exp(');
  });

  it('gives byte-identical zips for the same inputs, whatever the time zone', async () => {
    const t = await trained('mlp');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const a = await exportOf(t);
      process.env.TZ = 'America/Los_Angeles';
      const b = await exportOf(t);
      expect(b).toEqual(a);
      // Every local header carries the zip epoch, 1980-01-01 00:00:00.
      const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
      expect(view.getUint32(0, true)).toBe(0x04034b50);
      expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, 0x21]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('changes the bytes when anything in the version changes', async () => {
    const t = await trained('linear');
    const a = await exportOf(t);
    const b = await exportModelBundle({
      version: { ...t.version, description: 'other' },
      run: t.run,
      artifactBytes: t.artifactBytes,
      modelCardMarkdown: t.card,
    });
    expect(b).not.toEqual(a);
  });

  it('refuses to export a blob that does not match the version, or another version’s run', async () => {
    const t = await trained('linear');
    const other = await trained('logistic');
    await expect(
      exportModelBundle({ version: t.version, run: t.run, artifactBytes: other.artifactBytes, modelCardMarkdown: '' }),
    ).rejects.toMatchObject({
      code: 'bundle.artifact_mismatch',
      message: expect.stringContaining('churn@3'),
    });
    await expect(
      exportModelBundle({ version: t.version, run: other.run, artifactBytes: t.artifactBytes, modelCardMarkdown: '' }),
    ).rejects.toMatchObject({ code: 'bundle.wrong_run' });
  });
});
