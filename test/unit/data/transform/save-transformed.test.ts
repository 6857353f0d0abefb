import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../../src/adapters/memory-store/memory-workspace-store.ts';
import { verifyStore } from '../../../../src/core/audit/verify-store.ts';
import { draftFromCsv, profileDraft } from '../../../../src/core/data/draft.ts';
import { parseCsv } from '../../../../src/core/data/ingest/parse-csv.ts';
import { saveTransformedVersion, type TransformRecipe } from '../../../../src/core/data/transform/index.ts';
import { decodeTable } from '../../../../src/core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../../../src/core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../../../src/core/data/versions/save-version.ts';
import { buildLineage } from '../../../../src/core/lineage/index.ts';

const CSV = 'id,age,city\n1,34,Oslo\n2,17,Rome\n3,,Oslo\n4,52,\n4,52,\n';
const recipe: TransformRecipe = {
  steps: [
    { kind: 'deduplicate', columns: [] },
    { kind: 'fill', column: 'city', method: 'value', value: 'unknown' },
    { kind: 'derive', column: 'age_months', expression: 'age * 12' },
  ],
};

async function withParent() {
  const store = new MemoryWorkspaceStore();
  const draft = draftFromCsv(parseCsv(new TextEncoder().encode(CSV)), 'people.csv', CSV.length);
  const encoded = await encodeWithId(draft.table);
  const { version: parent } = await saveDraftAsVersion(store, draft, {
    name: 'people',
    note: '',
    actor: 'ana',
    now: Date.UTC(2026, 0, 1),
    encoded,
    profile: profileDraft(draft),
  });
  const table = decodeTable((await store.getBlob(parent.id))!);
  return { store, parent, table };
}

describe('saveTransformedVersion', () => {
  it('saves the result as a new version whose parent and recipe are recorded', async () => {
    const { store, parent, table } = await withParent();
    const input = { name: 'people clean', note: 'deduplicated', actor: 'ana', now: Date.UTC(2026, 0, 2) };
    const { created, version } = await saveTransformedVersion(store, parent, table, recipe, input);
    expect(created).toBe(true);
    expect(version).toMatchObject({
      name: 'people clean',
      parentId: parent.id,
      recipe,
      rowCount: 4,
      columnCount: 4,
      source: null,
    });
    // Roles come from the parent (the id column keeps the role the profile guessed); the derived column is a feature.
    expect(version.schema).toEqual([...parent.schema, { name: 'age_months', type: 'number', role: 'feature' }]);
    const stored = decodeTable((await store.getBlob(version.id))!);
    expect(stored.rowCount).toBe(4);
    expect(await store.getDatasetVersion(version.id)).toEqual(version);
    expect((await verifyStore(store)).ok).toBe(true);
  });

  it('gives the same version id when the recipe is applied to the parent again', async () => {
    const { store, parent, table } = await withParent();
    const first = await saveTransformedVersion(store, parent, table, recipe, {
      name: 'a',
      note: '',
      actor: 'ana',
      now: 1,
    });
    const again = await saveTransformedVersion(store, parent, table, recipe, {
      name: 'b',
      note: '',
      actor: 'bo',
      now: 2,
    });
    expect(again.created).toBe(false);
    expect(again.version.id).toBe(first.version.id);
    expect((await store.listDatasetVersions()).length).toBe(2);
  });

  it('shows the recipe on the lineage edge between the two versions', async () => {
    const { store, parent, table } = await withParent();
    const { version } = await saveTransformedVersion(store, parent, table, recipe, {
      name: 'c',
      note: '',
      actor: 'ana',
      now: 3,
    });
    const graph = buildLineage({ datasetVersions: await store.listDatasetVersions(), runs: [], modelVersions: [] });
    expect(graph.edges).toEqual([
      {
        from: `dataset:${parent.id}`,
        to: `dataset:${version.id}`,
        kind: 'derived',
        step: 'deduplicate rows; fill city with "unknown"; derive age_months = age * 12',
      },
    ]);
  });
});
