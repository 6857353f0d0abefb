import { describe, expect, it } from 'vitest';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion } from './fakes/workspace-seed.ts';

describe('VersionsState', () => {
  it('lists versions newest first and picks "previous → newest" for the diff', async () => {
    const context = testContext();
    const versions = new VersionsState(context);
    await saveVersion(context, 'v1', 'x,y\n1,a\n2,b\n');
    await saveVersion(context, 'v2', 'x,y\n1,a\n2,b\n3,c\n');
    expect(versions.loaded).toBe(true);
    expect(versions.list.map((v) => v.name)).toEqual(['v2', 'v1']);
    expect([versions.byId(versions.fromId)?.name, versions.byId(versions.toId)?.name]).toEqual(['v1', 'v2']);

    await versions.compare();
    expect(versions.error).toBeNull();
    expect(versions.diff?.fromId).toBe(versions.fromId);
    expect(versions.diff?.toId).toBe(versions.toId);
    expect([versions.diff?.rowsAdded, versions.diff?.rowsRemoved, versions.diff?.rowsUnchanged]).toEqual([1, 0, 2]);
  });

  it('exposes a failed diff as an error and keeps no diff', async () => {
    const context = testContext();
    const versions = new VersionsState(context);
    await saveVersion(context, 'v1', 'x\n1\n');
    await saveVersion(context, 'v2', 'x\n2\n');
    context.data.failNext = { code: 'version.not_found', message: 'Dataset version abc is not in this workspace.' };
    await versions.compare();
    expect(versions.error).toBe('Dataset version abc is not in this workspace.');
    expect(versions.diff).toBeNull();
    expect(versions.diffing).toBe(false);
  });

  it('drops the diff and the picks of versions that are gone after an erase', async () => {
    const context = testContext();
    const versions = new VersionsState(context);
    await saveVersion(context, 'v1', 'x\n1\n');
    await saveVersion(context, 'v2', 'x\n2\n');
    await versions.compare();
    await context.store.eraseAll({
      at: context.now(),
      actor: 'ana',
      type: 'workspace.erased',
      subject: 'workspace',
      data: {},
    });
    await context.changes.notify('erased');
    expect([versions.list, versions.fromId, versions.toId, versions.diff]).toEqual([[], '', '', null]);
  });
});
