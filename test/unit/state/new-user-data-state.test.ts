import { describe, expect, it } from 'vitest';
import { nextVersionOf } from '../../../src/core/data/versions/next-version.ts';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { MissingRowsState } from '../../../src/state/missing-rows-state.svelte.ts';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { csvFile, testContext } from './fakes/test-context.ts';
import { saveVersion } from './fakes/workspace-seed.ts';

// Issue 12, items 3 and 4, in the state layer.
describe('saving a reloaded file as the next version', () => {
  it('offers the saved version of the same name and records it as the parent', async () => {
    const context = testContext();
    const versions = new VersionsState(context);
    const first = await saveVersion(context, 'churn', 'id,plan\n1,basic\n2,pro\n');
    const data = new DataState(context);
    await data.loadFile(csvFile('id,plan\n1,basic\n2,max\n', 'churn.csv'));
    const previous = nextVersionOf(versions.list, 'churn.csv', data.loaded!.contentId);
    expect(previous?.id).toBe(first.id);
    expect(await data.save('churn v2', '', previous!.id)).toBe(true);
    expect(data.lastSave?.version.parentId).toBe(first.id);
    // The same bytes again are not a next version of themselves.
    expect(nextVersionOf(versions.list, 'churn.csv', data.lastSave!.version.id)).toBeNull();
    expect(nextVersionOf(versions.list, 'other.csv', 'x')).toBeNull();
  });
});

describe('MissingRowsState', () => {
  it('counts the rows that miss a value in any chosen column', async () => {
    const context = testContext();
    const version = await saveVersion(context, 'titanic', 'age,fare,sex\n,1,m\n30,,f\n40,3,\n50,4,m\n');
    const missing = new MissingRowsState(context);
    await missing.refresh(version.id, ['age', 'fare']);
    expect(missing.count).toBe(2);
    await missing.refresh(version.id, ['age', 'fare', 'sex']);
    expect(missing.count).toBe(3);
    expect(missing.error).toBeNull();
  });
});
