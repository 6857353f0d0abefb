import { WorkbenchError } from '../errors.ts';
import { MODEL_CATALOGUE, findModel, type ModelCatalogue } from '../models/catalogue.ts';
import type { BaseArtifact } from '../models/model-entry.ts';

const MAGIC = 'MLWBMDL1';
const utf8 = new TextEncoder();

/**
 * Model artifacts as bytes for the content-addressed blob store:
 * "MLWBMDL1", u32 (little-endian) length of a JSON header, the header, then
 * the raw bytes the kind keeps out of the JSON (an MLP's weights; empty for
 * models whose parameters are small enough to live in the JSON).
 */
export function encodeArtifact(artifact: BaseArtifact, catalogue: ModelCatalogue = MODEL_CATALOGUE): Uint8Array {
  const entry = findModel(artifact.kind, catalogue);
  if (!entry) throw unknownKind(artifact.kind);
  const { header: json, binary } = entry.toStored(artifact);
  const header = utf8.encode(JSON.stringify(json));
  const bytes = new Uint8Array(12 + header.length + binary.length);
  for (let i = 0; i < 8; i++) bytes[i] = MAGIC.charCodeAt(i);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  bytes.set(header, 12);
  bytes.set(binary, 12 + header.length);
  return bytes;
}

/** Reads bytes written by {@link encodeArtifact}. */
export function decodeArtifact(bytes: Uint8Array, catalogue: ModelCatalogue = MODEL_CATALOGUE): BaseArtifact {
  const bad = () =>
    new WorkbenchError(
      'model.corrupt',
      'The stored model is damaged or not a workbench model. Train the run again to recreate it.',
    );
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) throw bad();
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw bad();
  let header: BaseArtifact;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch {
    throw bad();
  }
  const entry = header && typeof header === 'object' ? findModel(header.kind, catalogue) : undefined;
  if (!entry) throw bad();
  return entry.fromStored(header, bytes.slice(12 + length));
}

function unknownKind(kind: string): WorkbenchError {
  return new WorkbenchError(
    'model.unknown_kind',
    `There is no model kind "${kind}" to store. Train the model with a kind the workbench knows.`,
  );
}
