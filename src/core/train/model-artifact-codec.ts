import { WorkbenchError } from '../errors.ts';
import type { ModelArtifact } from './train-model.ts';

const MAGIC = 'MLWBMDL1';
const utf8 = new TextEncoder();

/**
 * Model artifacts as bytes for the content-addressed blob store:
 * "MLWBMDL1", u32 (little-endian) length of a JSON header, the header, then
 * the MLP's raw weight bytes (empty for other models, whose parameters are
 * small enough to live in the JSON).
 */
export function encodeArtifact(artifact: ModelArtifact): Uint8Array {
  const weights = artifact.kind === 'mlp' ? artifact.weightData : new Uint8Array(0);
  const header = utf8.encode(JSON.stringify(artifact.kind === 'mlp' ? { ...artifact, weightData: null } : artifact));
  const bytes = new Uint8Array(12 + header.length + weights.length);
  for (let i = 0; i < 8; i++) bytes[i] = MAGIC.charCodeAt(i);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  bytes.set(header, 12);
  bytes.set(weights, 12 + header.length);
  return bytes;
}

/** Reads bytes written by {@link encodeArtifact}. */
export function decodeArtifact(bytes: Uint8Array): ModelArtifact {
  const bad = () =>
    new WorkbenchError(
      'model.corrupt',
      'The stored model is damaged or not a workbench model. Train the run again to recreate it.',
    );
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) throw bad();
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw bad();
  let artifact: ModelArtifact;
  try {
    artifact = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    throw bad();
  }
  if (artifact.kind === 'mlp') artifact.weightData = bytes.slice(12 + length);
  return artifact;
}
