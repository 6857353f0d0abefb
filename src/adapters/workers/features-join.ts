/**
 * The point-in-time join the features worker previews and saves: the entity
 * version joined with the chosen view versions, with the timeline's input.
 * The last join is kept, so picking another entity's timeline (or saving
 * what was previewed) does not join again.
 */
import type { DataTable } from '../../core/data/types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import { WorkbenchError } from '../../core/errors.ts';
import type { FeatureViewRecord } from '../../core/features/definitions/feature-types.ts';
import { historicalFeatures, type HistoricalFeatures } from '../../core/features/retrieval/historical-features.ts';
import { loadDataset, loadViewFrame } from '../../core/features/retrieval/load-view.ts';
import { timelineFromJoin, type TimelineInput } from '../../core/features/timeline/index.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import type { JoinRequest } from './features-protocol.ts';

export interface JoinOutcome {
  version: DatasetVersion;
  joined: HistoricalFeatures;
  timeline: TimelineInput;
}

/** A join function over `store` that remembers its last result. */
export function createJoiner(store: WorkspaceStore): (request: JoinRequest) => Promise<JoinOutcome> {
  let last: { key: string; outcome: Promise<JoinOutcome> } | null = null;
  return (request) => {
    const key = JSON.stringify([
      request.entityVersionId,
      request.timestamp,
      request.viewIds,
      request.ignoreCreatedAfter,
    ]);
    if (last?.key !== key) {
      const outcome = join(store, request);
      last = { key, outcome };
      // A failed join is not kept: the next call tries again.
      outcome.catch(() => {
        if (last?.outcome === outcome) last = null;
      });
    }
    return last.outcome;
  };
}

async function join(store: WorkspaceStore, request: JoinRequest): Promise<JoinOutcome> {
  if (request.viewIds.length === 0)
    throw new WorkbenchError('features.unknown', 'No feature view is chosen. Tick at least one view to join.');
  const { version, table } = await entityVersion(store, request.entityVersionId);
  const frames = await Promise.all(
    request.viewIds.map(async (id) => {
      const view = await viewVersion(store, id);
      return { view, frame: await loadViewFrame(store, view) };
    }),
  );
  const joined = historicalFeatures(table, request.timestamp, frames, {
    ignoreCreatedAfter: request.ignoreCreatedAfter,
  });
  const names = joined.table.columns.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    // A table with two columns of one name cannot be trained on or saved unambiguously.
    throw new WorkbenchError(
      'features.bad_definition',
      `The joined table would have two columns called "${twice}". Rename the feature (or the entity column) so every name is unique.`,
    );
  }
  return { version, joined, timeline: timelineFromJoin(table, request.timestamp, frames, joined.views) };
}

async function entityVersion(
  store: WorkspaceStore,
  id: string,
): Promise<{ version: DatasetVersion; table: DataTable }> {
  const version = await store.getDatasetVersion(id);
  if (!version) {
    throw new WorkbenchError(
      'version.not_found',
      `Dataset version ${id.slice(0, 12)} is not in this workspace. Refresh the versions list.`,
    );
  }
  return { version, table: await loadDataset(store, id) };
}

async function viewVersion(store: WorkspaceStore, id: string): Promise<FeatureViewRecord> {
  const view = await store.getRecord('featureViews', id);
  if (!view)
    throw new WorkbenchError('features.unknown', `Feature view ${id} is not in this workspace. Apply it first.`);
  return view;
}
