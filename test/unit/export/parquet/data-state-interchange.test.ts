import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DataState } from '../../../../src/state/data-state.svelte.ts';
import { VersionsState } from '../../../../src/state/versions-state.svelte.ts';
import { csvFile, sampleCsv, testContext } from '../../state/fakes/test-context.ts';

// The Data view's path for Parquet and Arrow, over the data client the app
// uses (run in-process here): export a saved version as a file, and load such
// a file back as the same data.
async function savedIris() {
  const context = testContext();
  const data = new DataState(context);
  const versions = new VersionsState(context);
  await data.loadFile(csvFile(sampleCsv('iris'), 'iris.csv'));
  await data.save('iris', '');
  return { context, data, versions, id: data.loaded!.versionId! };
}

function fileOf(content: Uint8Array | string, name: string): File {
  return new File([content as Uint8Array<ArrayBuffer>], name);
}

describe('exporting and loading Parquet and Arrow in the Data view', () => {
  it('downloads a version as Parquet with its id in the metadata, and loads it back as the same data', async () => {
    const { context, data, id } = await savedIris();
    expect(await data.exportVersion(id, 'parquet')).toBe(true);
    const [download] = context.downloads;
    expect(download.fileName).toBe('iris.parquet');
    expect(download.type).toBe('application/vnd.apache.parquet');
    const bytes = download.content as Uint8Array;
    const kv = parquetMetadata(bytes.buffer as ArrayBuffer).key_value_metadata ?? [];
    expect(kv.find((e) => e.key === 'workbench.dataset_version_id')?.value).toBe(id);
    expect(await data.loadFile(fileOf(bytes, 'iris.parquet'))).toBe(true);
    expect(data.loaded?.contentId).toBe(id);
    expect(data.loaded?.profile.rowCount).toBe(150);
  });

  it('downloads a version as Arrow IPC and CSV', async () => {
    const { context, data, id } = await savedIris();
    await data.exportVersion(id, 'arrow');
    await data.exportVersion(id, 'csv');
    const [arrow, csv] = context.downloads;
    expect(arrow.fileName).toBe('iris.arrow');
    expect(tableFromIPC(arrow.content as Uint8Array).numRows).toBe(150);
    expect(csv.fileName).toBe('iris.csv');
    expect(await data.loadFile(fileOf(arrow.content, 'iris.arrow'))).toBe(true);
    expect(data.loaded?.contentId).toBe(id);
  });

  it('shows the reason when a Parquet file is damaged', async () => {
    const { context, data, id } = await savedIris();
    await data.exportVersion(id, 'parquet');
    const bytes = (context.downloads[0].content as Uint8Array).slice(0, 200);
    expect(await data.loadFile(fileOf(bytes, 'broken.parquet'))).toBe(false);
    expect(data.error).toContain('not a readable Parquet file');
  });
});
