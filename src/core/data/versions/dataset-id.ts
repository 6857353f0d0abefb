import { sha256Hex } from '../../hash/sha256.ts';
import { encodeTable } from './canonical-encoding.ts';
import type { DataTable } from '../types.ts';

/**
 * The canonical bytes of a table and their SHA-256: the dataset version id.
 * Computed together because saving needs both and encoding is the costly part.
 */
export async function encodeWithId(table: DataTable): Promise<{ bytes: Uint8Array; id: string }> {
  const bytes = encodeTable(table);
  return { bytes, id: await sha256Hex(bytes) };
}

/** The id a table gets as a dataset version (same in the browser and the CLI). */
export async function datasetId(table: DataTable): Promise<string> {
  return (await encodeWithId(table)).id;
}
