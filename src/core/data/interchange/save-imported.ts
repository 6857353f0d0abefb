import { profileDraft, type Draft } from '../draft.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { baseName } from '../versions/file-name.ts';
import { encodeWithId } from '../versions/dataset-id.ts';
import type { DatasetVersion } from '../versions/dataset-version.ts';
import { saveDraftAsVersion } from '../versions/save-version.ts';

/**
 * Saves a draft read from a file (any format) as a dataset version named
 * after the file unless `name` is given. The id is the canonical hash, so the
 * same data already saved (from CSV, Parquet or Arrow) is reused.
 */
export async function saveImportedDraft(
  store: WorkspaceStore,
  draft: Draft,
  options: { name?: string; actor: string; now: number },
): Promise<{ created: boolean; version: DatasetVersion }> {
  return saveDraftAsVersion(store, draft, {
    name: options.name ?? baseName(draft.sourceName),
    note: '',
    actor: options.actor,
    now: options.now,
    encoded: await encodeWithId(draft.table),
    profile: profileDraft(draft),
  });
}
