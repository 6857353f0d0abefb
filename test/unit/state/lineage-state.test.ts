import { describe, expect, it } from 'vitest';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { LineageState } from '../../../src/state/lineage-state.svelte.ts';
import { RegistryState } from '../../../src/state/registry-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion, trainRun } from './fakes/workspace-seed.ts';

describe('LineageState', () => {
  it('follows the workspace: dataset → run → model, stale once the data has a newer version', async () => {
    const context = testContext();
    const lineage = new LineageState(context);
    const version = await saveVersion(context);
    const run = await trainRun(context, version.id);
    await new RegistryState(context).register(run, 'iris-species', { description: '', tags: {} });
    expect(lineage.loaded).toBe(true);
    expect(lineage.graph.nodes.map((n) => n.kind)).toEqual(['dataset', 'run', 'model']);
    expect(lineage.graph.edges).toHaveLength(2);
    expect(lineage.staleCount).toBe(0);

    // A newer version derived from the first: open it, change a column's type, save.
    const data = new DataState(context);
    await data.openVersion(version.id);
    await data.setColumnType('sepal_length', 'category');
    expect(await data.save('iris v2', '')).toBe(true);
    expect(lineage.graph.nodes.filter((n) => n.stale).map((n) => n.kind)).toEqual(['run', 'model']);
    expect(lineage.staleCount).toBe(2);

    const model = lineage.graph.nodes.find((n) => n.kind === 'model')!;
    lineage.pick(model.id);
    expect(lineage.picked?.staleReason).toMatch(
      /a newer version "iris v2" .* derives from it\. Retrain on the newer version\.$/,
    );
  });

  it('exposes a failed reread as an error, and drops a pick that is gone', async () => {
    const context = testContext();
    const lineage = new LineageState(context);
    await saveVersion(context);
    lineage.pick(lineage.graph.nodes[0].id);
    expect(lineage.picked?.kind).toBe('dataset');

    const listRuns = context.store.listRuns.bind(context.store);
    context.store.listRuns = () => Promise.reject(new Error('The database connection was closed.'));
    await lineage.refresh();
    expect(lineage.error).toBe('The database connection was closed.');
    expect(lineage.graph.nodes).toHaveLength(1);

    context.store.listRuns = listRuns;
    await context.store.eraseAll({
      at: context.now(),
      actor: 'ana',
      type: 'workspace.erased',
      subject: 'workspace',
      data: {},
    });
    await context.changes.notify('erased');
    expect([lineage.error, lineage.graph.nodes, lineage.pickedId]).toEqual([null, [], null]);
  });
});
