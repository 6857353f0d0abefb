import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { decodeTable } from '../versions/canonical-encoding.ts';
import type { DatasetVersion } from '../versions/dataset-version.ts';
import type { DataTable } from '../types.ts';

/**
 * The dataset version `ref` names — its id, a unique id prefix of at least
 * 8 characters, or its name (the newest version of that name) — with its
 * typed table read from the blob store.
 *
 * @throws WorkbenchError `version.not_found`, `dataset.corrupt`
 */
export async function findDatasetVersion(
  store: WorkspaceStore,
  ref: string,
): Promise<{ version: DatasetVersion; table: DataTable }> {
  const versions = await store.listDatasetVersions();
  const byId = versions.filter((v) => v.id === ref || (ref.length >= 8 && v.id.startsWith(ref)));
  const byName = versions.filter((v) => v.name === ref);
  const pick =
    byId.length === 1
      ? byId[0]
      : byName.reduce<DatasetVersion | null>((a, b) => (a && a.createdAt >= b.createdAt ? a : b), null);
  if (!pick) {
    const known = versions.slice(0, 5).map((v) => `${v.name} (${v.id.slice(0, 12)})`);
    throw new WorkbenchError(
      'version.not_found',
      byId.length > 1
        ? `"${ref}" starts ${byId.length} dataset version ids. Give more of the id.`
        : `No dataset version has the id or name "${ref}". ${known.length ? `Use one of: ${known.join(', ')}.` : 'Load or import a dataset first.'}`,
    );
  }
  const bytes = await store.getBlob(pick.id);
  if (!bytes) {
    throw new WorkbenchError(
      'dataset.corrupt',
      `The data of dataset version ${pick.name} (${pick.id.slice(0, 12)}) is missing from this workspace. Load the original file again to restore it.`,
    );
  }
  return { version: pick, table: decodeTable(bytes) };
}
