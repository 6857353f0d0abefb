import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/adapters/workers/data-protocol.ts';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { csvFile, sampleCsv, testContext } from './fakes/test-context.ts';

// Exporting a version (Parquet above all) reads and encodes the whole table:
// the Versions view shows the data worker's progress while it runs.
describe('the progress of exporting a dataset version', () => {
  it('shows reading then writing while the export runs, and nothing once it is done', async () => {
    const context = testContext();
    const data = new DataState(context);
    await data.loadFile(csvFile(sampleCsv('iris'), 'iris.csv'));
    await data.save('iris', '');
    const id = data.loaded!.versionId!;

    // What the view would show at each report: the state's progress and busy flag as the client reports.
    const shown: { phase: Progress['phase'] | undefined; busy: boolean }[] = [];
    const exportVersion = context.data.exportVersion.bind(context.data);
    context.data.exportVersion = (versionId, format, onProgress) =>
      exportVersion(versionId, format, (progress) => {
        onProgress?.(progress);
        shown.push({ phase: data.progress?.phase, busy: data.busy });
      });

    expect(await data.exportVersion(id, 'parquet')).toBe(true);
    expect(shown).toEqual([
      { phase: 'loading', busy: true },
      { phase: 'exporting', busy: true },
    ]);
    expect(data.progress).toBeNull();
    expect(data.busy).toBe(false);
    expect(context.downloads.map((d) => d.fileName)).toEqual(['iris.parquet']);
  });
});
