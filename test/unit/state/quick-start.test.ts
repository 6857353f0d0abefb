import { describe, expect, it } from 'vitest';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { saveDraftForTraining, saveSampleForFeatures, saveSampleForTraining } from '../../../src/state/quick-start.ts';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { csvFile, testContext } from './fakes/test-context.ts';

describe('quick start', () => {
  it('saves the penguins sample as version "penguins", and the versions list shows it', async () => {
    const context = testContext();
    const data = new DataState(context);
    const versions = new VersionsState(context);
    expect(await saveSampleForTraining(data)).toBe(true);
    expect(versions.list.map((v) => [v.name, v.rowCount, v.note])).toEqual([
      ['penguins', 344, 'Saved from the Train view to train on it.'],
    ]);
    expect(context.changes.log).toEqual([['datasetVersions', 'audit']]);
  });

  it('saves the Grunfeld sample as version "grunfeld" for the Features view', async () => {
    const context = testContext();
    const data = new DataState(context);
    const versions = new VersionsState(context);
    expect(await saveSampleForFeatures(data)).toBe(true);
    expect(versions.list.map((v) => [v.name, v.rowCount, v.note])).toEqual([
      ['grunfeld', 220, 'Saved from the Features view to define feature views on it.'],
    ]);
  });

  it('saves the loaded draft under its file name, and does nothing without one', async () => {
    const context = testContext();
    const data = new DataState(context);
    expect(await saveDraftForTraining(data)).toBe(false);
    await data.loadFile(csvFile('a,b\n1,x\n2,y\n', 'my data.csv'));
    expect(await saveDraftForTraining(data)).toBe(true);
    expect((await context.store.listDatasetVersions()).map((v) => v.name)).toEqual(['my data']);
  });
});
