import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import { sha256Hex } from '../../../../src/core/hash/sha256.ts';
import {
  exportModelBundle,
  importModelBundle,
  type BundleManifest,
} from '../../../../src/core/registry/bundle/index.ts';
import { entries, flipByte, rezip, trained, type Trained } from './bundle-fixtures.ts';

const utf8 = new TextEncoder();
const M = 'churn-v3/manifest.json';

let mlp: Trained;
let mlpZip: Uint8Array;
let forestZip: Uint8Array;
let logisticZip: Uint8Array;

async function exportOf(t: Trained): Promise<Uint8Array> {
  return exportModelBundle({
    version: t.version,
    run: t.run,
    artifactBytes: t.artifactBytes,
    modelCardMarkdown: t.card,
  });
}

/** The WorkbenchError an import throws (fails the test if it does not throw one). */
async function refusal(zip: Uint8Array): Promise<WorkbenchError> {
  const error = await importModelBundle(zip).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

function readManifest(files: Map<string, Uint8Array>): BundleManifest {
  return JSON.parse(new TextDecoder().decode(files.get(M)));
}

/** Replaces a file and records its new checksum in the manifest, as a careful forger would. */
async function forge(
  files: Map<string, Uint8Array>,
  path: string,
  bytes: Uint8Array,
  editManifest: (m: BundleManifest) => void = () => {},
): Promise<void> {
  files.set(`churn-v3/${path}`, bytes);
  const manifest = readManifest(files);
  const entry = manifest.files.find((f) => f.path === path) as BundleManifest['files'][number];
  entry.sha256 = await sha256Hex(bytes);
  entry.bytes = bytes.length;
  editManifest(manifest);
  files.set(M, utf8.encode(JSON.stringify(manifest)));
}

describe('importModelBundle refuses', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    mlp = await trained('mlp');
    mlpZip = await exportOf(mlp);
    forestZip = await exportOf(await trained('forest'));
    logisticZip = await exportOf(await trained('logistic'));
  });

  it('any file with one byte changed, naming that file', async () => {
    const cases: [Uint8Array, string][] = [
      ...[
        'version.json',
        'model.json',
        'weights.bin',
        'preprocessing.json',
        'pipeline.json',
        'signature.json',
        'model-card.md',
      ].map((f): [Uint8Array, string] => [mlpZip, f]),
      [forestZip, 'forest.json'],
      [logisticZip, 'linear-model.json'],
    ];
    for (const [zip, file] of cases) {
      const error = await refusal(
        rezip(zip, (files) => files.set(`churn-v3/${file}`, flipByte(files.get(`churn-v3/${file}`) as Uint8Array))),
      );
      expect(error.code).toBe('bundle.checksum');
      expect(error.message).toBe(
        `${file} does not match its checksum in manifest.json: the bundle is corrupted or was edited. Export it again from the workbench.`,
      );
    }
  });

  it('manifest.json with any one byte changed, naming manifest.json', async () => {
    const manifest = entries(forestZip).get(M) as Uint8Array;
    const codes = new Set<string>();
    for (let at = 0; at < manifest.length; at++) {
      const error = await refusal(rezip(forestZip, (files) => files.set(M, flipByte(manifest, at))));
      expect(error.message, `byte ${at}`).toContain('manifest.json');
      codes.add(error.code);
    }
    expect(manifest.length).toBeGreaterThan(800);
    expect([...codes].sort()).toEqual([
      'bundle.bad_file',
      'bundle.checksum',
      'bundle.missing_file',
      'bundle.unknown_format',
      'bundle.unsupported_version',
    ]);
  });

  it('a byte flipped inside the compressed zip data, naming the file', async () => {
    const zip = mlpZip.slice();
    const view = new DataView(zip.buffer);
    const header = indexOf(zip, utf8.encode('churn-v3/weights.bin')) - 30;
    expect(view.getUint32(header, true)).toBe(0x04034b50);
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    zip[start + (view.getUint32(header + 18, true) >> 1)] ^= 0x10;
    const error = await refusal(zip);
    expect(['bundle.damaged', 'bundle.checksum']).toContain(error.code);
    expect(error.message).toContain('weights.bin');
  });

  it('a truncated zip', async () => {
    for (const length of [mlpZip.length - 1, mlpZip.length - 200, mlpZip.length >> 1, 100]) {
      const error = await refusal(mlpZip.slice(0, length));
      expect(error.code).toBe('bundle.damaged');
      expect(error.message).toContain('truncated or damaged');
    }
  });

  it('a PNG, a CSV and an empty file as not zips', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
      0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    ]);
    for (const bytes of [png, utf8.encode('a,b\n1,2\n'), new Uint8Array(0)]) {
      const error = await refusal(bytes);
      expect(error.code).toBe('bundle.not_zip');
      expect(error.message).toBe(
        'This file is not a zip archive, so it cannot be a model bundle. Choose the .zip file that the workbench exported.',
      );
    }
  });

  it('a zip without manifest.json', async () => {
    const error = await refusal(rezip(mlpZip, (files) => files.delete(M)));
    expect(error.code).toBe('bundle.no_manifest');
    expect(error.message).toContain('no manifest.json');
    expect((await refusal(zipSync({ 'notes.txt': utf8.encode('hi') }))).code).toBe('bundle.no_manifest');
  });

  it('an extra file, inside the folder or beside it', async () => {
    for (const extra of ['churn-v3/notes.txt', 'notes.txt', 'churn-v3/sub/model.json']) {
      const error = await refusal(rezip(mlpZip, (files) => files.set(extra, utf8.encode('hi'))));
      expect(error.code).toBe('bundle.extra_file');
      expect(error.message).toContain(extra.replace('churn-v3/', ''));
    }
  });

  it('a missing file', async () => {
    const error = await refusal(rezip(mlpZip, (files) => files.delete('churn-v3/weights.bin')));
    expect(error.code).toBe('bundle.missing_file');
    expect(error.message).toBe(
      'weights.bin is listed in manifest.json but missing from the zip: the bundle is incomplete. Export it again from the workbench.',
    );
  });

  it('a manifest that stops listing a file', async () => {
    const zip = rezip(mlpZip, (files) => {
      const manifest = readManifest(files);
      manifest.files = manifest.files.filter((f) => f.path !== 'model-card.md');
      files.set(M, utf8.encode(JSON.stringify(manifest)));
    });
    const error = await refusal(zip);
    expect(error.code).toBe('bundle.missing_file');
    expect(error.message).toContain('manifest.json does not list model-card.md');
  });

  it('an unknown format version or format', async () => {
    const edit = (change: (m: Record<string, unknown>) => void) =>
      rezip(mlpZip, (files) => {
        const manifest = readManifest(files) as unknown as Record<string, unknown>;
        change(manifest);
        files.set(M, utf8.encode(JSON.stringify(manifest)));
      });
    const newer = await refusal(edit((m) => (m.formatVersion = 2)));
    expect(newer.code).toBe('bundle.unsupported_version');
    expect(newer.message).toContain('format version 2; this workbench reads version 1');
    const other = await refusal(edit((m) => (m.format = 'something-else')));
    expect(other.code).toBe('bundle.unknown_format');
  });

  it('model files that do not rebuild the registered artifact, even with matching checksums', async () => {
    const weights = entries(mlpZip).get('churn-v3/weights.bin') as Uint8Array;
    const error = await refusal(await rezipAsync(mlpZip, (files) => forge(files, 'weights.bin', flipByte(weights))));
    expect(error.code).toBe('bundle.artifact_mismatch');
    expect(error.message).toContain('model.json, weights.bin');

    // A consistent forgery of version.json's artifact hash is caught too.
    const fake = 'f'.repeat(64);
    const version = { ...mlp.version, artifactBlob: fake };
    const forged = await refusal(
      await rezipAsync(mlpZip, (files) =>
        forge(files, 'version.json', utf8.encode(JSON.stringify(version)), (m) => (m.artifactBlob = fake)),
      ),
    );
    expect(forged.code).toBe('bundle.artifact_mismatch');
  });

  it('a version.json that disagrees with the manifest or is malformed', async () => {
    const renumbered = await refusal(
      await rezipAsync(mlpZip, (files) =>
        forge(files, 'version.json', utf8.encode(JSON.stringify({ ...mlp.version, version: 4, id: 'churn@4' }))),
      ),
    );
    expect(renumbered.code).toBe('bundle.bad_file');
    expect(renumbered.message).toContain(
      "version.json cannot be read: its version (4) differs from manifest.json's (3)",
    );
    const broken = await refusal(
      await rezipAsync(mlpZip, (files) => forge(files, 'version.json', utf8.encode('{"id": '))),
    );
    expect(broken.message).toContain('version.json cannot be read: it is not valid JSON');
  });

  it('two bundles in one zip', async () => {
    const zip = rezip(mlpZip, (files) => {
      for (const [name, bytes] of [...files]) files.set(name.replace('churn-v3/', 'other-v1/'), bytes);
    });
    expect((await refusal(zip)).code).toBe('bundle.several');
  });

  it('nothing when the bundle was repacked with directory entries or without its folder', async () => {
    const withDirs = zipSync({
      'churn-v3': Object.fromEntries([...entries(forestZip)].map(([n, b]) => [n.slice('churn-v3/'.length), b])),
      empty: {},
    });
    expect([...entries(withDirs).keys()]).toContain('empty/');
    expect((await importModelBundle(withDirs)).version.id).toBe('churn@3');
    const bare = rezip(forestZip, (files) => {
      for (const [name, bytes] of [...files]) {
        files.delete(name);
        files.set(name.slice('churn-v3/'.length), bytes);
      }
    });
    expect((await importModelBundle(bare)).version.id).toBe('churn@3');
  });
});

async function rezipAsync(
  zip: Uint8Array,
  edit: (files: Map<string, Uint8Array>) => Promise<void>,
): Promise<Uint8Array> {
  const files = entries(zip);
  await edit(files);
  return zipSync(Object.fromEntries(files));
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
