import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { DataProfile } from '../../../src/core/data/profile/profile-types.ts';
import { sha256HexSync } from '../../../src/core/hash/sha256.ts';

/** A minimal valid profile of a two-row table with one integer column `x`. */
export function sampleProfile(): DataProfile {
  return {
    rowCount: 2,
    columnCount: 1,
    duplicateRows: 0,
    columns: [
      {
        name: 'x',
        type: 'integer',
        inferredType: 'integer',
        role: 'feature',
        count: 2,
        missing: 0,
        distinct: 2,
        numeric: { min: 1, max: 2, mean: 1.5, std: Math.SQRT1_2, q1: 1.25, median: 1.5, q3: 1.75 },
        histogram: { edges: [1, 1.5, 2], counts: [1, 1] },
      },
    ],
    warnings: [],
  };
}

/**
 * A valid dataset version and bytes that match it: `content` stands in for
 * the canonical encoding, and the id is its SHA-256, as in the real thing.
 *
 * @example
 * const { version, bytes } = sampleVersion('x\n1\n2\n', { name: 'v2' });
 */
export function sampleVersion(
  content = 'x\n1\n2\n',
  overrides: Partial<DatasetVersion> = {},
): { version: DatasetVersion; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(content);
  const version: DatasetVersion = {
    id: sha256HexSync(content),
    name: 'sample',
    parentId: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    source: { fileName: 'sample.csv', sizeBytes: bytes.byteLength },
    schema: [{ name: 'x', type: 'integer', role: 'feature' }],
    rowCount: 2,
    columnCount: 1,
    note: '',
    byteLength: bytes.byteLength,
    profile: sampleProfile(),
    ...overrides,
  };
  return { version, bytes };
}
