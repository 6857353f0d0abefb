/**
 * The crafted-bundle corpus: real exported bundles edited and re-packed with
 * every hash recomputed (see craft-bundle.ts), so only the import's semantic
 * checks stand between them and the registry. Each must be refused with a
 * message naming the file and what is wrong.
 */
import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../../src/adapters/memory-store/memory-workspace-store.ts';
import { runCompleted } from '../../../../src/core/audit/events/train-events.ts';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import { exportModelBundle, importModelBundle } from '../../../../src/core/registry/bundle/index.ts';
import { importModelVersion } from '../../../../src/core/registry/import-version.ts';
import { readRegistry } from '../../../../src/core/registry/registry-snapshot.ts';
import { versionMetrics } from '../../../../src/core/registry/version-metrics.ts';
import { classificationReport } from '../registry-fixtures.ts';
import { trained, type Trained } from './bundle-fixtures.ts';
import {
  base64,
  craftBundle,
  float32Bytes,
  renameFolder,
  withDeclaredSize,
  type BundleEditor,
} from './craft-bundle.ts';

type Json = Record<string, unknown>;
type Kind = 'forest' | 'mlp' | 'logistic' | 'linear';

const utf8 = new TextEncoder();
const zips = {} as Record<Kind, Uint8Array>;
const models = {} as Record<Kind, Trained>;

async function exportOf(t: Trained): Promise<Uint8Array> {
  return exportModelBundle({
    version: t.version,
    run: t.run,
    artifactBytes: t.artifactBytes,
    modelCardMarkdown: t.card,
  });
}

async function refusal(zip: Uint8Array): Promise<WorkbenchError> {
  const error = await importModelBundle(zip).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the crafted bundle was imported').toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

/** Edits one typed array of one tree of forest.json (kept as the serializer writes it). */
function editTree(
  b: BundleEditor,
  tree: number,
  array: 'feature' | 'threshold' | 'leafValue' | 'leafClass',
  change: (values: Int32Array | Float64Array) => void,
): void {
  b.json<{ trees: Record<string, string>[] }>('forest.json', (forest) => {
    const bytes = Uint8Array.from(Buffer.from(forest.trees[tree][array], 'base64'));
    const values =
      array === 'feature' || array === 'leafClass' ? new Int32Array(bytes.buffer) : new Float64Array(bytes.buffer);
    change(values);
    forest.trees[tree][array] = base64(new Uint8Array(values.buffer));
  });
}

/** The MLP's model.json weight specs and Dense layer configs. */
function mlpParts(model: Json): { specs: { name: string; shape: number[] }[]; layers: { config: Json }[] } {
  const specs = (model.weightsManifest as { weights: { name: string; shape: number[] }[] }[])[0].weights;
  const layers = ((model.modelTopology as Json).config as { layers: { config: Json }[] }).layers;
  return { specs, layers };
}

interface Case {
  name: string;
  kind: Kind;
  edit: (b: BundleEditor) => void;
  /** Regular expressions the message must match, the first naming the file. */
  message: RegExp[];
  code?: string;
}

const CASES: Case[] = [
  {
    name: 'a forest that is {"trees": "not a forest"}',
    kind: 'forest',
    edit: (b) => b.set('forest.json', utf8.encode('{"trees": "not a forest"}')),
    message: [/^forest\.json cannot be used:/, /not a random forest/],
  },
  {
    name: 'a forest split on a feature index out of range',
    kind: 'forest',
    edit: (b) =>
      editTree(b, 0, 'feature', (f) => {
        f[0] = 7;
      }),
    message: [/^forest\.json cannot be used:/, /tree 0 node 0 is not a valid split/],
  },
  {
    name: 'a forest that reads more features than the preprocessing gives',
    kind: 'forest',
    edit: (b) => b.json('forest.json', (f) => void (f.features = 3)),
    message: [/^forest\.json cannot be used:/, /reads 3 features but preprocessing\.json gives 2/],
  },
  {
    name: 'a forest with a different class count than the signature',
    kind: 'forest',
    edit: (b) => b.json('forest.json', (f) => void (f.classCount = 3)),
    message: [/^forest\.json cannot be used:/, /predicts 3 classes but signature\.json names 2 labels/],
  },
  {
    name: 'a forest with a NaN leaf value',
    kind: 'forest',
    edit: (b) => editTree(b, 1, 'leafValue', (v) => void v.fill(Number.NaN)),
    message: [/^forest\.json cannot be used:/, /tree 1 has a leaf value that is not a finite number/],
  },
  {
    name: 'a forest with a NaN split threshold',
    kind: 'forest',
    edit: (b) => editTree(b, 0, 'threshold', (v) => void (v[0] = Number.NaN)),
    message: [/^forest\.json cannot be used:/, /tree 0 has a split threshold that is not a finite number/],
  },
  {
    name: 'an MLP declaring a 100,000 × 100,000 weight with a 20 KB weights file',
    kind: 'mlp',
    edit: (b) => {
      b.json('model.json', (m) => void (mlpParts(m).specs[0].shape = [100_000, 100_000]));
      b.set('weights.bin', new Uint8Array(20 * 1024));
    },
    message: [
      /^model\.json cannot be used:/,
      /declares 10000000020 float32 weights \(40000000080 bytes\) but weights\.bin holds 20480 bytes/,
    ],
  },
  {
    name: 'an MLP whose weights are all NaN',
    kind: 'mlp',
    edit: (b) => b.set('weights.bin', float32Bytes(new Array(b.get('weights.bin').length / 4).fill(Number.NaN))),
    message: [/^weights\.bin cannot be used:/, /weight 0 of dense_Dense1\/kernel is not a finite number/],
  },
  {
    name: 'an MLP whose weights overflow every prediction',
    kind: 'mlp',
    edit: (b) => b.set('weights.bin', float32Bytes(new Array(b.get('weights.bin').length / 4).fill(3e38))),
    message: [
      /^model\.json, weights\.bin cannot be used:/,
      /smoke prediction .* gives a value that is not a finite number/,
    ],
  },
  {
    name: 'an MLP with a layer the workbench never writes',
    kind: 'mlp',
    edit: (b) => b.json('model.json', (m) => void ((mlpParts(m).layers[0] as Json).class_name = 'Conv2D')),
    message: [/^model\.json cannot be used:/, /layer 0 is a Conv2D; workbench MLPs have only Dense layers/],
  },
  {
    name: 'an MLP with an activation the workbench never uses',
    kind: 'mlp',
    edit: (b) => b.json('model.json', (m) => void (mlpParts(m).layers[0].config.activation = 'selu')),
    message: [/^model\.json cannot be used:/, /layer 0 has activation "selu"/],
  },
  {
    name: 'an MLP with a head for three classes where the signature names two',
    kind: 'mlp',
    edit: (b) => {
      b.json('model.json', (m) => {
        const { specs, layers } = mlpParts(m);
        layers[1].config.units = 3;
        specs[2].shape = [6, 3];
        specs[3].shape = [3];
      });
      b.set('weights.bin', float32Bytes(new Array(12 + 6 + 18 + 3).fill(0.1)));
    },
    message: [/^model\.json cannot be used:/, /its output layer has 3 units but signature\.json names 2 labels/],
  },
  {
    name: 'an MLP whose weight shapes disagree with its layers',
    kind: 'mlp',
    edit: (b) => b.json('model.json', (m) => void (mlpParts(m).specs[0].shape = [3, 4])),
    message: [/^model\.json cannot be used:/, /dense_Dense1\/kernel has shape \[3,4\]; layer 0 needs \[2,6\]/],
  },
  {
    name: 'a logistic model whose coefficients do not fit its features',
    kind: 'logistic',
    edit: (b) => b.json<{ model: Json }>('linear-model.json', (f) => void (f.model.coef = [1, 2, 3])),
    message: [/^linear-model\.json cannot be used:/, /has 3 coefficients; 1 row × 2 features need 2/],
  },
  {
    name: 'a logistic model with a coefficient that is not a number (NaN written as null)',
    kind: 'logistic',
    edit: (b) => b.json<{ model: Json }>('linear-model.json', (f) => void (f.model.coef = [null, 1])),
    message: [/^linear-model\.json cannot be used:/, /coefficient 0 is not a finite number/],
  },
  {
    name: 'a logistic model for three classes where the signature names two',
    kind: 'logistic',
    edit: (b) =>
      b.json<{ model: Json }>('linear-model.json', (f) => {
        f.model.classCount = 3;
        f.model.coef = [1, 2, 3, 4, 5, 6];
        f.model.intercept = [0, 0, 0];
      }),
    message: [/^linear-model\.json cannot be used:/, /predicts 3 classes but signature\.json names 2 labels/],
  },
  {
    name: 'a ridge model whose predictions overflow',
    kind: 'linear',
    edit: (b) => b.json<{ model: Json }>('linear-model.json', (f) => void (f.model.coef = [1e308, 1e308])),
    message: [/^linear-model\.json cannot be used:/, /smoke prediction .* gives a value that is not a finite number/],
  },
  {
    name: 'NaN (written as null) in the preprocessing',
    kind: 'forest',
    edit: (b) => b.json<{ steps: Json[] }>('preprocessing.json', (p) => void (p.steps[0].center = null)),
    message: [/^preprocessing\.json cannot be used:/, /step 0 \("a"\) has a center that is not a finite number/],
  },
  {
    name: 'a zero scale in the preprocessing',
    kind: 'logistic',
    edit: (b) => b.json<{ steps: Json[] }>('preprocessing.json', (p) => void (p.steps[1].scale = 0)),
    message: [/^preprocessing\.json cannot be used:/, /step 1 \("b"\) has a scale of 0/],
  },
  {
    name: 'preprocessing for other columns than the signature',
    kind: 'mlp',
    edit: (b) =>
      b.json<{ steps: Json[]; outputNames: string[] }>('preprocessing.json', (p) => {
        p.steps[1].name = 'c';
        p.outputNames[1] = 'c';
      }),
    message: [/^preprocessing\.json cannot be used:/, /step 1 is for column "c" but signature\.json's input 1 is "b"/],
  },
  {
    name: 'preprocessing whose output names do not follow its steps',
    kind: 'linear',
    edit: (b) => b.json<{ outputNames: string[] }>('preprocessing.json', (p) => void p.outputNames.push('extra')),
    message: [/^preprocessing\.json cannot be used:/, /its outputNames .* do not follow its steps/],
  },
  {
    name: 'a classification signature without labels',
    kind: 'forest',
    edit: (b) => b.json<{ signature: { target: Json } }>('version.json', (v) => void (v.signature.target.labels = [])),
    message: [/^signature\.json cannot be used:/, /a classification target needs at least two distinct labels/],
  },
  {
    name: 'metrics out of their range',
    kind: 'logistic',
    edit: (b) => b.json<{ metrics: Json }>('version.json', (v) => void (v.metrics.accuracy = 7)),
    message: [/^version\.json cannot be used:/, /its metric accuracy is 7, outside 0…1/],
  },
];

describe('crafted bundles with recomputed hashes', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const kind of ['forest', 'mlp', 'logistic', 'linear'] as const) {
      models[kind] = await trained(kind);
      zips[kind] = await exportOf(models[kind]);
    }
  });

  it('the crafter itself changes nothing when the edit changes nothing', async () => {
    for (const kind of ['forest', 'mlp', 'logistic', 'linear'] as const) {
      const zip = await craftBundle(zips[kind], () => {});
      expect((await importModelBundle(zip)).version.artifactBlob).toBe(models[kind].version.artifactBlob);
    }
  });

  for (const c of CASES) {
    it(`refuses ${c.name}`, async () => {
      const error = await refusal(await craftBundle(zips[c.kind], c.edit));
      expect(error.code).toBe(c.code ?? 'bundle.invalid_model');
      for (const pattern of c.message) expect(error.message).toMatch(pattern);
      expect(error.message).toMatch(/Export the model again from the workbench\.$/);
    });
  }

  it('refuses a bundle missing a file', async () => {
    const error = await refusal(await craftBundle(zips.forest, (b) => b.remove('forest.json')));
    expect(error.code).toBe('bundle.missing_file');
    expect(error.message).toMatch(/^forest\.json is listed in manifest\.json but missing from the zip/);
  });

  it('refuses path traversal and absolute entry names', async () => {
    for (const prefix of ['../', '..\\', '/tmp/', 'C:/']) {
      const error = await refusal(renameFolder(zips.forest, 'churn-v3/', prefix));
      expect(error.code, prefix).toBe('bundle.unsafe_name');
      expect(error.message).toContain(`"${prefix}manifest.json"`);
    }
    const inside = await refusal(
      await craftBundle(zips.forest, () => {}, { extraEntries: { 'churn-v3/../../evil.sh': utf8.encode('rm -rf') } }),
    );
    expect(inside.code).toBe('bundle.unsafe_name');
    expect(inside.message).toContain('"churn-v3/../../evil.sh"');
  });

  it('refuses a zip bomb before inflating it, whether its header tells the truth or lies', async () => {
    const big = await craftBundle(zips.forest, () => {}, {});
    const declared = await refusal(withDeclaredSize(big, 0xffff_fff0));
    expect(declared.code).toBe('bundle.too_large');
    // 8 MiB of zeros deflate to about 8 KB; a header claiming 1 KB is refused before inflating them.
    const lying = withDeclaredSize(zipSync({ 'churn-v3/manifest.json': new Uint8Array(8 * 1024 * 1024) }), 1024);
    const error = await refusal(lying);
    expect(error.code).toBe('bundle.damaged');
    expect(error.message).toMatch(
      /^"churn-v3\/manifest\.json" in the zip claims to unpack to 1024 bytes from \d+ compressed bytes/,
    );
  });

  it('the broken forest never reaches the registry, so no gate can let it into Production', async () => {
    const store = new MemoryWorkspaceStore();
    const zip = await craftBundle(zips.forest, (b) => b.set('forest.json', utf8.encode('{"trees": "not a forest"}')));
    await expect(importModelVersion(store, zip, { actor: 'eve', now: '2026-03-01T00:00:00.000Z' })).rejects.toThrow(
      /forest\.json cannot be used/,
    );
    const snapshot = await readRegistry(store);
    expect(snapshot.models).toEqual([]);
    expect(snapshot.versions).toEqual([]);
    expect(await store.listAudit()).toEqual([]);
  });

  it('imports metrics rewritten to 1.0 with a made-up dataset id, marked as reported by the exporter', async () => {
    const zip = await craftBundle(zips.logistic, (b) =>
      b.json<{ metrics: Record<string, number>; datasetVersionId: string }>('version.json', (v) => {
        for (const key of Object.keys(v.metrics)) v.metrics[key] = 1;
        v.datasetVersionId = 'made-up-dataset';
      }),
    );
    const store = new MemoryWorkspaceStore();
    const done = await importModelVersion(store, zip, { actor: 'eve', now: '2026-03-01T00:00:00.000Z' });
    expect(done.version.metrics).toEqual({ accuracy: 1, rocAuc: 1 });
    expect(done.version.metricsReportedByExporter).toBe(true);
    expect((await store.getRecord('modelVersions', 'churn@3'))?.metricsReportedByExporter).toBe(true);
    expect(done.event.data.metricsReportedByExporter).toBe(true);
  });

  it('vouches for the metrics when this workspace holds the run that trained the model, and refuses edited ones', async () => {
    const t = await trained('logistic');
    const report = classificationReport(
      ['no', 'yes'],
      [
        [5, 1],
        [2, 4],
      ],
    );
    const run = { ...t.run, outcome: { ...t.run.outcome!, metrics: report } };
    const version = { ...t.version, metrics: versionMetrics(report), testRows: report.n };
    const zip = await exportOf({ ...t, run, version });
    const store = async () => {
      const s = new MemoryWorkspaceStore();
      await s.saveRun(run, [], runCompleted(run, 'ana'));
      return s;
    };
    const now = { actor: 'ana', now: '2026-03-01T00:00:00.000Z' };
    const done = await importModelVersion(await store(), zip, now);
    expect(done.version.metricsReportedByExporter).toBe(false);
    expect(done.version.metrics.accuracy).toBeCloseTo(9 / 12, 12);

    const forged = await craftBundle(zip, (b) =>
      b.json<{ metrics: Json }>('version.json', (v) => void (v.metrics.accuracy = 1)),
    );
    const error = await importModelVersion(await store(), forged, now).then(
      () => null,
      (e: unknown) => e as WorkbenchError,
    );
    expect(error?.code).toBe('registry.import_metrics_differ');
    expect(error?.message).toContain(
      `version.json reports accuracy 1, but run "logistic #1" in this workspace, which trained exactly this model, measured accuracy ${9 / 12}`,
    );
  });
});
