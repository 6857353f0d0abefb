import { decodeTable } from '../../data/versions/canonical-encoding.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { computeViewFrame, type ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { latestViews } from '../definitions/resolve-definitions.ts';

/** Reads a dataset version's table from the blob store. */
export async function loadDataset(store: WorkspaceStore, versionId: string): Promise<DataTable> {
  const bytes = await store.getBlob(versionId);
  if (!bytes) {
    throw new WorkbenchError(
      'features.no_dataset',
      `The data of dataset version ${versionId.slice(0, 12)} is missing from the workspace. Save the dataset again.`,
    );
  }
  return decodeTable(bytes);
}

/** A view version computed over the dataset version it was applied on. */
export async function loadViewFrame(store: WorkspaceStore, view: FeatureViewRecord): Promise<ViewFrame> {
  return computeViewFrame(view, view.joinKeys, await loadDataset(store, view.sourceVersionId));
}

/**
 * The newest version of each view a service lists (or of the one view named).
 *
 * @throws WorkbenchError `features.unknown`
 */
export async function serviceViews(store: WorkspaceStore, name: string): Promise<FeatureViewRecord[]> {
  const latest = await latestViews(store);
  const service = await store.getRecord('featureServices', name);
  const names = service?.views ?? (latest.has(name) ? [name] : null);
  if (names === null) {
    const known = [...(await store.listRecords('featureServices')).map((s) => s.name), ...latest.keys()];
    throw new WorkbenchError(
      'features.unknown',
      `No feature service or view is called "${name}" (known: ${known.join(', ') || 'none'}). Apply its definition first, or check the name.`,
    );
  }
  return names.map((n) => {
    const view = latest.get(n);
    if (!view)
      throw new WorkbenchError(
        'features.unknown',
        `Feature service "${name}" lists the view "${n}", which is not applied. Apply it first.`,
      );
    return view;
  });
}
