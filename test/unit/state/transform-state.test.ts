import { describe, expect, it } from 'vitest';
import { transformService } from '../../../src/adapters/workers/transform-service.ts';
import { draftFromCsv, profileDraft } from '../../../src/core/data/draft.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { encodeWithId } from '../../../src/core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../../src/core/data/versions/save-version.ts';
import { buildLineage } from '../../../src/core/lineage/index.ts';
import { TransformState } from '../../../src/state/transform-state.svelte.ts';
import { testContext, START } from './fakes/test-context.ts';

const CSV = 'name,age\nAnn,34\nBob,17\nCid,\nDee,52\n';

async function setUp() {
  const context = testContext();
  const draft = draftFromCsv(parseCsv(new TextEncoder().encode(CSV)), 'people.csv', CSV.length);
  const { version: parent } = await saveDraftAsVersion(context.store, draft, {
    name: 'people',
    note: '',
    actor: 'ana',
    now: START,
    encoded: await encodeWithId(draft.table),
    profile: profileDraft(draft),
  });
  const state = new TransformState(
    context,
    transformService(context.store, () => START + 3_600_000),
  );
  await state.choose(parent.id);
  return { context, parent, state };
}

describe('TransformState', () => {
  it('shows an expression mistake at its position, then previews once it is fixed', async () => {
    const { state } = await setUp();
    state.addStep('derive');
    state.updateStep(0, { kind: 'derive', column: 'months', expression: 'agee * 12' });
    expect(state.checked?.ok).toBe(false);
    expect(state.checked?.steps[0].issues).toEqual([
      { field: 'expression', message: "no column 'agee' — did you mean 'age'?", start: 0, end: 4 },
    ]);
    await state.runPreview();
    expect(state.preview).toBeNull();

    state.updateStep(0, { kind: 'derive', column: 'months', expression: 'age * 12' });
    expect(state.checked?.ok).toBe(true);
    await state.runPreview();
    expect(state.preview).toEqual({
      rowCount: 4,
      schema: [
        { name: 'name', type: 'category', role: expect.any(String) },
        { name: 'age', type: 'integer', role: 'feature' },
        { name: 'months', type: 'number', role: 'feature' },
      ],
      rows: [
        ['Ann', '34', '408'],
        ['Bob', '17', '204'],
        ['Cid', '', ''],
        ['Dee', '52', '624'],
      ],
    });
  });

  it('saves a new version with its parent and recipe, announces it, and the lineage links the two', async () => {
    const { context, parent, state } = await setUp();
    state.addStep('filter');
    state.updateStep(0, { kind: 'filter', expression: 'age >= 18' });
    await state.save('adults', 'only adults');
    expect(state.error).toBeNull();
    const saved = state.saved!;
    expect(saved.created).toBe(true);
    expect(saved.version).toMatchObject({
      name: 'adults',
      parentId: parent.id,
      rowCount: 2,
      recipe: { steps: state.steps },
    });
    expect(context.changes.log).toContainEqual(['datasetVersions', 'audit']);
    const graph = buildLineage({
      datasetVersions: await context.store.listDatasetVersions(),
      runs: [],
      modelVersions: [],
    });
    expect(graph.edges).toContainEqual({
      from: `dataset:${parent.id}`,
      to: `dataset:${saved.version.id}`,
      kind: 'derived',
      step: 'filter age >= 18',
    });

    // The same recipe on the same parent is the same version: nothing new is stored or announced.
    const logged = context.changes.log.length;
    await state.save('adults again', '');
    expect(state.saved).toMatchObject({ created: false, version: { id: saved.version.id } });
    expect(context.changes.log.length).toBe(logged);
  });

  it('reports a version that is not in the workspace', async () => {
    const { state } = await setUp();
    await state.choose('f'.repeat(64));
    expect(state.error).toBe('Dataset version ffffffffffff is not in this workspace.');
  });

  it('removes steps and starts each new one blank', async () => {
    const { state } = await setUp();
    state.addStep('rename');
    state.addStep('fill');
    expect(state.steps).toEqual([
      { kind: 'rename', from: 'name', to: '' },
      { kind: 'fill', column: 'name', method: 'value', value: '' },
    ]);
    state.removeStep(0);
    expect(state.steps.map((s) => s.kind)).toEqual(['fill']);
  });
});
