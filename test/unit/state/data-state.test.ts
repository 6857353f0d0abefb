import { describe, expect, it, vi } from 'vitest';
import { AuditState } from '../../../src/state/audit-state.svelte.ts';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { LineageState } from '../../../src/state/lineage-state.svelte.ts';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { csvFile, sampleCsv, testContext } from './fakes/test-context.ts';

function setup() {
  const context = testContext();
  const versions = new VersionsState(context);
  const lineage = new LineageState(context);
  const audit = new AuditState(context);
  return { context, data: new DataState(context), versions, lineage, audit };
}

describe('DataState', () => {
  it('loads a file through the data client and shows its profile', async () => {
    const { data } = setup();
    expect(await data.loadFile(csvFile(sampleCsv('iris'), 'iris.csv'))).toBe(true);
    expect(data.loaded?.sourceName).toBe('iris.csv');
    expect(data.loaded?.profile.rowCount).toBe(150);
    expect(data.loaded?.preview.columns).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
    ]);
    expect(data.busy).toBe(false);
    expect(data.error).toBeNull();
  });

  it('saving a version notifies once, and the versions list, the lineage and the audit log show it', async () => {
    const { context, data, versions, lineage, audit } = setup();
    const listVersions = vi.spyOn(context.store, 'listDatasetVersions');
    await data.loadSample(data.samples.find((s) => s.id === 'iris')!);
    expect(await data.save('iris', 'first cut')).toBe(true);

    expect(context.changes.log).toEqual([['datasetVersions', 'audit']]);
    // Versions and lineage each reread the versions once.
    expect(listVersions).toHaveBeenCalledTimes(2);
    expect(versions.list.map((v) => [v.name, v.note, v.rowCount])).toEqual([['iris', 'first cut', 150]]);
    expect(data.lastSave?.created).toBe(true);
    expect(data.loaded?.versionId).toBe(versions.list[0].id);
    expect(lineage.graph.nodes.map((n) => n.kind)).toEqual(['dataset']);
    expect(audit.events.map((e) => [e.type, e.actor])).toEqual([['dataset.version_saved', 'ana']]);
  });

  it('a refused save exposes the reason and writes nothing', async () => {
    const { context, data, versions } = setup();
    await data.loadFile(csvFile('x,y\n1,2\n3,4\n', 'tiny.csv'));
    expect(await data.save('   ', '')).toBe(false);
    expect(data.error).toBe('Give the dataset version a name before saving it.');
    expect(context.changes.log).toEqual([]);
    expect(await context.store.listDatasetVersions()).toEqual([]);
    expect(await context.store.listAudit()).toEqual([]);
    expect(versions.list).toEqual([]);
    expect(data.lastSave).toBeNull();
  });

  it('a failed load keeps the draft that was there', async () => {
    const { context, data } = setup();
    await data.loadFile(csvFile('x,y\n1,2\n', 'first.csv'));
    context.data.failNext = { code: 'csv.empty', message: 'The file is empty. Pick a CSV file with a header row.' };
    expect(await data.loadFile(csvFile('', 'empty.csv'))).toBe(false);
    expect(data.error).toBe('The file is empty. Pick a CSV file with a header row.');
    expect(data.loaded?.sourceName).toBe('first.csv');
  });

  it('a crashed worker becomes an error message, not a throw', async () => {
    const { context, data } = setup();
    context.data.crashNext = new Error('The data worker stopped (out of memory). Reload the page and try again.');
    expect(await data.loadFile(csvFile('x\n1\n', 'x.csv'))).toBe(false);
    expect(data.error).toBe('The data worker stopped (out of memory). Reload the page and try again.');
    expect(data.busy).toBe(false);
  });

  it('a column role change is recorded under the current actor and the audit log rereads once', async () => {
    const { context, data, audit } = setup();
    const listAudit = vi.spyOn(context.store, 'listAudit');
    await data.loadFile(csvFile(sampleCsv('iris'), 'iris.csv'));
    context.actAs('bo');
    expect(await data.setColumnRole('sepal_width', 'ignore')).toBe(true);
    expect(data.loaded?.profile.columns.find((c) => c.name === 'sepal_width')?.role).toBe('ignore');
    expect(context.changes.log).toEqual([['audit']]);
    expect(listAudit).toHaveBeenCalledTimes(1);
    expect(
      audit.events.map((e) => [e.type, e.actor, e.subject, e.type === 'column.role_changed' && e.data.to]),
    ).toEqual([['column.role_changed', 'bo', 'sepal_width', 'ignore']]);
  });

  it('refuses a second step while one is running', async () => {
    const { data } = setup();
    const first = data.loadFile(csvFile('x\n1\n', 'a.csv'));
    expect(await data.loadFile(csvFile('x\n2\n', 'b.csv'))).toBe(false);
    expect(data.error).toBe('Another step is still running. Wait for it to finish, then try again.');
    expect(await first).toBe(true);
    expect(data.loaded?.sourceName).toBe('a.csv');
  });

  it('reopens a saved version as the draft, and forgets the draft when the workspace is erased', async () => {
    const { context, data, versions } = setup();
    await data.loadFile(csvFile('x,y\n1,2\n3,4\n', 'tiny.csv'));
    await data.save('tiny', '');
    await data.loadFile(csvFile('z\n9\n', 'other.csv'));
    expect(await data.openVersion(versions.list[0].id)).toBe(true);
    expect(data.loaded?.sourceName).toBe('tiny');
    expect(data.loaded?.versionId).toBe(versions.list[0].id);

    await context.changes.notify('erased');
    expect(data.loaded).toBeNull();
    expect(data.lastSave).toBeNull();
  });
});
