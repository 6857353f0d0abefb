/**
 * The bundle crafter: takes a real exported bundle, lets a case edit its
 * files, then does what a careful forger would — rebuilds the artifact hash
 * from the edited model files (with the workbench's own open code), writes
 * it into version.json and manifest.json, recomputes every file's SHA-256
 * and size, and zips again. What comes out passes every checksum, so only a
 * semantic check of the model can refuse it.
 */
import { unzipSync, zipSync } from 'fflate';
import { sha256Hex } from '../../../../src/core/hash/sha256.ts';
import type { BundleManifest } from '../../../../src/core/registry/bundle/bundle-format.ts';
import { artifactFromFiles } from '../../../../src/core/registry/bundle/model-files.ts';
import { encodeArtifact } from '../../../../src/core/train/model-artifact-codec.ts';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** What a crafted case may change: the files inside the bundle folder, by their bare names. */
export interface BundleEditor {
  /** Parses a JSON file, lets `edit` change it in place (or return a replacement), and writes it back. */
  json<T = Record<string, unknown>>(name: string, edit: (value: T) => T | void): void;
  /** Replaces a file's bytes. */
  set(name: string, bytes: Uint8Array): void;
  get(name: string): Uint8Array;
  /** Removes a file from the zip (the manifest still lists it). */
  remove(name: string): void;
}

export interface CraftOptions {
  /** Rebuild the artifact hash from the model files (default true); off, the artifact fields are left as edited. */
  rehashArtifact?: boolean;
  /** Extra raw zip entries added after the bundle's own (full names, e.g. `../evil.json`). */
  extraEntries?: Record<string, Uint8Array>;
}

/**
 * Edits an exported bundle and repacks it with consistent hashes.
 *
 * @example
 * const zip = await craftBundle(forestZip, (b) => b.set('forest.json', utf8.encode('{"trees": "not a forest"}')));
 */
export async function craftBundle(
  zip: Uint8Array,
  edit: (bundle: BundleEditor) => void | Promise<void>,
  options: CraftOptions = {},
): Promise<Uint8Array> {
  const entries = new Map(Object.entries(unzipSync(zip)));
  const manifestName = [...entries.keys()].find((n) => n.endsWith('manifest.json')) as string;
  const folder = manifestName.slice(0, -'manifest.json'.length);
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) if (name !== manifestName) files.set(name.slice(folder.length), bytes);
  const manifest = JSON.parse(text.decode(entries.get(manifestName))) as BundleManifest;

  const editor: BundleEditor = {
    json(name, change) {
      const value = JSON.parse(text.decode(files.get(name)));
      const replaced = change(value);
      files.set(name, utf8.encode(JSON.stringify(replaced === undefined ? value : replaced, null, 2)));
    },
    set: (name, bytes) => void files.set(name, bytes),
    get: (name) => files.get(name) as Uint8Array,
    remove: (name) => void files.delete(name),
  };
  await edit(editor);

  if (options.rehashArtifact !== false) {
    let artifact: Uint8Array | null = null;
    try {
      artifact = encodeArtifact(artifactFromFiles(manifest.modelKind, files));
    } catch {
      // Files the workbench cannot even read back keep their old artifact hash.
    }
    if (artifact) {
      const hash = await sha256Hex(artifact);
      manifest.artifactBlob = hash;
      manifest.artifactBytes = artifact.length;
      if (files.has('version.json'))
        editor.json('version.json', (v) => {
          v.artifactBlob = hash;
          v.artifactBytes = artifact.length;
        });
    }
  }
  // A forger keeps signature.json equal to version.json's signature.
  if (files.has('version.json') && files.has('signature.json')) {
    const version = JSON.parse(text.decode(files.get('version.json')));
    files.set('signature.json', utf8.encode(`${JSON.stringify(version.signature, null, 2)}\n`));
  }
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path);
    if (!bytes) continue;
    entry.sha256 = await sha256Hex(bytes);
    entry.bytes = bytes.length;
  }
  const out: Record<string, Uint8Array> = { [manifestName]: utf8.encode(JSON.stringify(manifest, null, 2)) };
  for (const [name, bytes] of files) out[folder + name] = bytes;
  return zipSync({ ...out, ...options.extraEntries });
}

/** Replaces the bundle folder prefix of every entry (e.g. with `../` for a path-traversal case). */
export function renameFolder(zip: Uint8Array, from: string, to: string): Uint8Array {
  const entries = unzipSync(zip);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([n, b]) => [to + n.slice(from.length), b])));
}

/**
 * A zip whose central directory declares `declaredBytes` as the uncompressed
 * size of its first entry (as a zip bomb's does) while holding only a little data.
 */
export function withDeclaredSize(zip: Uint8Array, declaredBytes: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const end = out.length - 22;
  const central = view.getUint32(end + 16, true);
  view.setUint32(central + 24, declaredBytes, true);
  const local = view.getUint32(central + 42, true);
  view.setUint32(local + 22, declaredBytes, true);
  return out;
}

/** Float32 little-endian bytes of `values`. */
export function float32Bytes(values: ArrayLike<number>): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

/** Standard base64 of bytes (Node's Buffer; tests only). */
export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
