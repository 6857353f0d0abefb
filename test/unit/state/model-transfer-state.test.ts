import { describe, expect, it } from 'vitest';
import { ModelCardState } from '../../../src/state/model-card-state.svelte.ts';
import { ModelTransferState } from '../../../src/state/model-transfer-state.svelte.ts';
import { RegistryState } from '../../../src/state/registry-state.svelte.ts';
import { testContext, type TestContext } from './fakes/test-context.ts';
import { saveVersion, trainRun } from './fakes/workspace-seed.ts';

async function registered(context: TestContext) {
  const version = await saveVersion(context);
  const run = await trainRun(context, version.id);
  const registry = new RegistryState(context);
  const modelVersion = (await registry.register(run, 'iris-species', { description: '', tags: {} }))!;
  return { registry, modelVersion };
}

/** Exports iris-species@1 from a workspace of its own and returns the downloaded zip. */
async function exportedBundle(): Promise<{ fileName: string; bytes: Uint8Array }> {
  const source = testContext();
  const { modelVersion } = await registered(source);
  const transfer = new ModelTransferState(source);
  expect(await transfer.exportVersion(modelVersion)).toBe(true);
  const [download] = source.downloads;
  expect(download.type).toBe('application/zip');
  return { fileName: download.fileName, bytes: download.content as Uint8Array };
}

describe('ModelTransferState', () => {
  it('exports a version as a zip download, named after the model and version', async () => {
    const { fileName, bytes } = await exportedBundle();
    expect(fileName).toBe('iris-species-v1.zip');
    // A zip starts with a local file header.
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('says what runs while an export or import runs, and clears it when done', async () => {
    const source = testContext();
    const { modelVersion } = await registered(source);
    const transfer = new ModelTransferState(source);
    const exporting = transfer.exportVersion(modelVersion);
    expect(transfer.working).toBe('Exporting version 1 of "iris-species" as a bundle…');
    expect(await exporting).toBe(true);
    expect(transfer.working).toBeNull();
    const [download] = source.downloads;

    const target = new ModelTransferState(testContext());
    const importing = target.importFile(new File([(download.content as Uint8Array).slice()], download.fileName));
    expect(target.working).toBe('Importing iris-species-v1.zip: checking every hash…');
    expect(await importing).not.toBeNull();
    expect(target.working).toBeNull();
  });

  it('imports a bundle into another workspace, notifies once, and the registry and card show it', async () => {
    const { fileName, bytes } = await exportedBundle();
    const target = testContext();
    const registry = new RegistryState(target);
    const transfer = new ModelTransferState(target);
    const version = await transfer.importFile(new File([bytes.slice()], fileName));

    expect(version?.id).toBe('iris-species@1');
    expect(transfer.error).toBeNull();
    expect(transfer.message).toBe(`Imported ${fileName} as version 1 of "iris-species", in Development.`);
    expect(target.changes.log).toEqual([['registry', 'audit']]);
    expect(registry.snapshot.versions.map((v) => v.id)).toEqual(['iris-species@1']);
    const events = await target.store.listAudit();
    expect(events.map((e) => [e.type, e.actor])).toEqual([['model.imported', 'ana']]);

    // Its run stayed behind: the card is the one the bundle carried.
    const card = new ModelCardState(target);
    await card.open(version!);
    expect(card.shown?.card).toBeNull();
    expect(card.shown?.importedFrom).toBe('iris-species@1');
    expect(card.shown?.markdown).toMatch(/iris-species/);

    // And it cannot be exported again from here, with the reason.
    expect(await transfer.exportVersion(version!)).toBe(false);
    expect(transfer.error).toMatch(/is not in this workspace \(the version was imported\)/);
  });

  it('refuses a corrupted bundle with the reason and stores nothing', async () => {
    const { fileName, bytes } = await exportedBundle();
    const target = testContext();
    const transfer = new ModelTransferState(target);
    const broken = bytes.slice(0, Math.floor(bytes.length / 2));
    expect(await transfer.importFile(new File([broken], fileName))).toBeNull();
    expect(transfer.error).toMatch(/^The zip cannot be read: the file is truncated or damaged\./);
    expect(transfer.busy).toBe(false);
    expect(target.changes.log).toEqual([]);
    expect(await target.store.listAudit()).toEqual([]);
    expect(await target.store.listRecords('modelVersions')).toEqual([]);
  });
});

describe('ModelCardState', () => {
  it('builds the card of a version trained here and downloads it as Markdown', async () => {
    const context = testContext();
    const { modelVersion } = await registered(context);
    const card = new ModelCardState(context);
    await card.open(modelVersion);
    expect(card.error).toBeNull();
    expect(card.shown?.versionId).toBe('iris-species@1');
    expect(card.shown?.card).not.toBeNull();
    expect(card.shown?.importedFrom).toBeNull();
    card.downloadMarkdown();
    expect(context.downloads.map((d) => [d.fileName, d.type, d.content])).toEqual([
      ['iris-species-v1-model-card.md', 'text/markdown', card.shown?.markdown],
    ]);
    card.close();
    expect(card.shown).toBeNull();
  });

  it('says why a card cannot be built when the run is gone and nothing was imported', async () => {
    const context = testContext();
    const { modelVersion } = await registered(context);
    const card = new ModelCardState(context);
    await card.open({ ...modelVersion, runId: 'gone-run' });
    expect(card.shown).toBeNull();
    expect(card.error).toMatch(/is not in this workspace, so its model card cannot be built/);
  });
});
