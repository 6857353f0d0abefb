import type { ColumnSchema, DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { FeatureSourceSpec } from '../../train/pipeline-spec.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { historicalFeatures, type HistoricalFeatures } from './historical-features.ts';
import { loadViewFrame, serviceViews } from './load-view.ts';

/** An entity table joined with a feature service, ready for the training pipeline. */
export interface FeatureTrainingTable {
  table: DataTable;
  schema: ColumnSchema[];
  /** The source as the run records it: `views` pinned to the versions used. */
  featureSource: FeatureSourceSpec;
  joins: HistoricalFeatures['views'];
}

/**
 * Builds the training table a spec with a feature source trains on: the
 * entity rows joined point-in-time with the service's views — the pinned
 * versions when the spec lists them (a re-run reproduces), else the newest.
 * Feature columns get the `feature` role; the entity columns keep theirs.
 *
 * @throws WorkbenchError `features.unknown` and the join's errors
 */
export async function featureTrainingTable(
  store: WorkspaceStore,
  entities: DataTable,
  entitySchema: ColumnSchema[],
  source: FeatureSourceSpec,
): Promise<FeatureTrainingTable> {
  const views =
    source.views.length > 0 ? await pinnedViews(store, source.views) : await serviceViews(store, source.service);
  const frames = await Promise.all(views.map(async (view) => ({ view, frame: await loadViewFrame(store, view) })));
  const joined = historicalFeatures(entities, source.timestamp, frames);
  const added = joined.table.columns.slice(entities.columns.length);
  return {
    table: joined.table,
    schema: [...entitySchema, ...added.map((c) => ({ name: c.name, type: c.type, role: 'feature' as const }))],
    featureSource: { ...source, views: views.map((v) => v.id) },
    joins: joined.views,
  };
}

async function pinnedViews(store: WorkspaceStore, ids: string[]): Promise<FeatureViewRecord[]> {
  return Promise.all(
    ids.map(async (id) => {
      const view = await store.getRecord('featureViews', id);
      if (!view)
        throw new WorkbenchError(
          'features.unknown',
          `The spec pins feature view ${id}, which this workspace does not have. Apply it, or clear featureSource.views to use the newest versions.`,
        );
      return view;
    }),
  );
}
