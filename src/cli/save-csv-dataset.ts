import { draftFromCsv, profileDraft } from '../core/data/draft.ts';
import { parseCsv } from '../core/data/ingest/parse-csv.ts';
import { encodeWithId } from '../core/data/versions/dataset-id.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import { saveDraftAsVersion } from '../core/data/versions/save-version.ts';
import type { WorkspaceStore } from '../core/ports.ts';

/**
 * Saves CSV bytes as a dataset version named `name` (the same id the browser
 * gives the same data; already saved → reused), as `workbench train` does.
 */
export async function saveCsvDataset(
  store: WorkspaceStore,
  bytes: Uint8Array,
  options: { name: string; fileName: string; actor: string; now: number },
): Promise<{ created: boolean; version: DatasetVersion }> {
  const parsed = parseCsv(bytes);
  const draft = draftFromCsv(parsed, options.fileName, bytes.byteLength);
  return saveDraftAsVersion(store, draft, {
    name: options.name,
    note: '',
    actor: options.actor,
    now: options.now,
    encoded: await encodeWithId(parsed.table),
    profile: profileDraft(draft),
  });
}
