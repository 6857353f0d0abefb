import type { DatasetVersion } from '../../data/versions/dataset-version.ts';
import { WorkbenchError } from '../../errors.ts';
import { canonicalJson } from '../../hash/canonical-json.ts';
import { sha256HexSync } from '../../hash/sha256.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { compileViewFeatures, describeProblems, type FeatureProblem } from '../compute/view-features.ts';
import type {
  FeatureDefinitions,
  FeatureEntity,
  FeatureService,
  FeatureViewDefinition,
  FeatureViewRecord,
} from './feature-types.ts';

/** What applying definitions would store: each view as the version it would get, and whether it changed. */
export interface ResolvedDefinitions {
  entities: { entity: FeatureEntity; changed: boolean }[];
  views: { view: FeatureViewRecord; changed: boolean }[];
  services: { service: FeatureService; changed: boolean }[];
}

/** Every stored view's newest version, by name. */
export async function latestViews(store: WorkspaceStore): Promise<Map<string, FeatureViewRecord>> {
  const latest = new Map<string, FeatureViewRecord>();
  for (const view of await store.listRecords('featureViews')) {
    const seen = latest.get(view.name);
    if (!seen || seen.version < view.version) latest.set(view.name, view);
  }
  return latest;
}

/** The newest dataset version of each name. */
export async function latestDatasets(store: WorkspaceStore): Promise<Map<string, DatasetVersion>> {
  const latest = new Map<string, DatasetVersion>();
  for (const version of await store.listDatasetVersions()) {
    const seen = latest.get(version.name);
    if (!seen || seen.createdAt < version.createdAt) latest.set(version.name, version);
  }
  return latest;
}

/**
 * Checks definitions against the workspace: entities and views referenced
 * exist (here or already stored), sources resolve to a dataset version,
 * key and time columns exist with usable types, and every feature's
 * expression type-checks against the source's schema. A view whose
 * definition (or resolved source version) differs from its stored newest
 * version becomes the next version.
 *
 * @throws WorkbenchError `features.bad_definition`, `features.no_dataset`, `features.bad_expression` (details.problems: positions)
 */
export async function resolveDefinitions(
  store: WorkspaceStore,
  defs: FeatureDefinitions,
  createdAt: string,
): Promise<ResolvedDefinitions> {
  const storedEntities = new Map((await store.listRecords('featureEntities')).map((e) => [e.name, e]));
  const storedServices = new Map((await store.listRecords('featureServices')).map((s) => [s.name, s]));
  const stored = await latestViews(store);
  const datasets = await latestDatasets(store);
  const entities = new Map(storedEntities);
  for (const e of defs.entities) entities.set(e.name, e);

  const problems: FeatureProblem[] = [];
  const views = defs.featureViews.map((def) => {
    const entity = entities.get(def.entity);
    if (!entity) {
      fail(
        `Feature view "${def.name}" names the entity "${def.entity}", which is not defined. Add it under "entities".`,
      );
    }
    const dataset = datasets.get(def.source);
    if (!dataset) {
      const names = [...datasets.keys()].join(', ') || 'none yet';
      throw new WorkbenchError(
        'features.no_dataset',
        `Feature view "${def.name}" reads the dataset "${def.source}", which this workspace does not have (datasets: ${names}). Save it first, or fix the source name.`,
      );
    }
    checkColumns(def, entity.joinKeys, dataset);
    const compiled = compileViewFeatures(def, entity.joinKeys, dataset.schema);
    if (!compiled.ok) problems.push(...compiled.problems.map((p) => ({ ...p, feature: `${def.name}.${p.feature}` })));
    const definitionHash = hashDefinition(def, entity.joinKeys, dataset.id);
    const previous = stored.get(def.name);
    const changed = previous?.definitionHash !== definitionHash;
    const version = previous === undefined ? 1 : changed ? previous.version + 1 : previous.version;
    const view: FeatureViewRecord = changed
      ? {
          ...def,
          id: `${def.name}@${version}`,
          version,
          sourceVersionId: dataset.id,
          joinKeys: entity.joinKeys,
          definitionHash,
          createdAt,
        }
      : previous!;
    return { view, changed };
  });
  if (problems.length > 0) {
    throw new WorkbenchError('features.bad_expression', describeProblems(problems), {
      details: { problems },
    });
  }
  const viewNames = new Set([...stored.keys(), ...views.map((v) => v.view.name)]);
  const services = defs.featureServices.map((service) => {
    const missing = service.views.find((v) => !viewNames.has(v));
    if (missing)
      fail(
        `Feature service "${service.name}" lists the view "${missing}", which is not defined. Define it under "featureViews".`,
      );
    const before = storedServices.get(service.name);
    const definition = { name: service.name, views: service.views, description: service.description };
    if (before === undefined) return { service: { ...definition, version: 1 }, changed: true };
    const { version: stored = 1, ...content } = before;
    const changed = canonicalJson(content) !== canonicalJson(definition);
    return { service: changed ? { ...definition, version: stored + 1 } : before, changed };
  });
  return {
    entities: defs.entities.map((entity) => {
      const before = storedEntities.get(entity.name);
      return { entity, changed: before === undefined || canonicalJson(before) !== canonicalJson(entity) };
    }),
    views,
    services,
  };
}

function checkColumns(def: FeatureViewDefinition, joinKeys: string[], dataset: DatasetVersion): void {
  const types = new Map(dataset.schema.map((c) => [c.name, c.type]));
  const columns = dataset.schema.map((c) => c.name).join(', ');
  for (const key of joinKeys) {
    if (!types.has(key))
      fail(
        `The source "${dataset.name}" of feature view "${def.name}" has no join-key column "${key}". Its columns: ${columns}.`,
      );
  }
  for (const [field, column] of [
    ['eventTime', def.eventTime],
    ['created', def.created],
  ] as const) {
    if (column === null) continue;
    const type = types.get(column);
    if (type === undefined)
      fail(
        `Feature view "${def.name}": ${field} "${column}" is not a column of "${dataset.name}". Its columns: ${columns}.`,
      );
    if (type !== 'datetime' && type !== 'number' && type !== 'integer') {
      fail(`Feature view "${def.name}": ${field} "${column}" holds ${type} values. Name a datetime or numeric column.`);
    }
  }
}

function hashDefinition(def: FeatureViewDefinition, joinKeys: string[], sourceVersionId: string): string {
  return sha256HexSync(canonicalJson({ ...def, joinKeys, sourceVersionId }));
}

function fail(message: string): never {
  throw new WorkbenchError('features.bad_definition', message);
}
