import { WorkbenchError } from '../../errors.ts';
import { parseDuration } from '../join/duration.ts';
import type {
  FeatureDefinition,
  FeatureDefinitions,
  FeatureEntity,
  FeatureService,
  FeatureViewDefinition,
} from './feature-types.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Reads a features.json object into checked definitions: every name is an
 * identifier, every reference (a view's entity, a service's views) exists,
 * TTLs parse, feature names are unique per view and per service. Columns
 * and expressions are checked against the source later (apply-definitions.ts).
 *
 * @throws WorkbenchError `features.bad_definition` naming the place (`featureViews[1].ttl`)
 * @example
 * parseDefinitions({ entities: [{ name: 'customer', joinKeys: ['customer_id'] }] }).entities[0].joinKeys // ['customer_id']
 */
export function parseDefinitions(json: unknown): FeatureDefinitions {
  const root = object(json, 'the file');
  const entities = list(root.entities ?? [], 'entities').map((e, i) => parseEntity(e, `entities[${i}]`));
  const featureViews = list(root.featureViews ?? [], 'featureViews').map((v, i) => parseView(v, `featureViews[${i}]`));
  const featureServices = list(root.featureServices ?? [], 'featureServices').map((s, i) =>
    parseService(s, `featureServices[${i}]`),
  );
  unique(
    entities.map((e) => e.name),
    'entities',
  );
  unique(
    featureViews.map((v) => v.name),
    'featureViews',
  );
  unique(
    featureServices.map((s) => s.name),
    'featureServices',
  );
  return { entities, featureViews, featureServices };
}

function parseEntity(value: unknown, at: string): FeatureEntity {
  const o = object(value, at);
  const joinKeys = list(o.joinKeys, `${at}.joinKeys`).map((k, i) => text(k, `${at}.joinKeys[${i}]`));
  if (joinKeys.length === 0) fail(`${at}.joinKeys is empty. Name the column(s) that identify the entity.`);
  return {
    name: name(o.name, `${at}.name`),
    joinKeys,
    description: optionalText(o.description, `${at}.description`) ?? '',
  };
}

function parseView(value: unknown, at: string): FeatureViewDefinition {
  const o = object(value, at);
  const ttl = optionalText(o.ttl, `${at}.ttl`);
  if (ttl !== null) {
    try {
      parseDuration(ttl);
    } catch (error) {
      fail(`${at}.ttl: ${(error as Error).message}`);
    }
  }
  const features = list(o.features, `${at}.features`).map((f, i) => parseFeature(f, `${at}.features[${i}]`));
  if (features.length === 0) fail(`${at}.features is empty. List at least one feature.`);
  unique(
    features.map((f) => f.name),
    `${at}.features`,
  );
  return {
    name: name(o.name, `${at}.name`),
    entity: name(o.entity, `${at}.entity`),
    source: text(o.source, `${at}.source`),
    eventTime: text(o.eventTime, `${at}.eventTime`),
    created: optionalText(o.created, `${at}.created`),
    ttl,
    features,
  };
}

function parseFeature(value: unknown, at: string): FeatureDefinition {
  // A bare string is a feature that copies the column of that name.
  if (typeof value === 'string') return { name: name(value, at), expression: value };
  const o = object(value, at);
  const featureName = name(o.name, `${at}.name`);
  return { name: featureName, expression: optionalText(o.expression, `${at}.expression`) ?? featureName };
}

function parseService(value: unknown, at: string): FeatureService {
  const o = object(value, at);
  const views = list(o.views, `${at}.views`).map((v, i) => name(v, `${at}.views[${i}]`));
  if (views.length === 0) fail(`${at}.views is empty. List the feature views the service serves.`);
  return {
    name: name(o.name, `${at}.name`),
    views,
    description: optionalText(o.description, `${at}.description`) ?? '',
  };
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${at} must be an object.`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(`${at} must be a list.`);
  return value as unknown[];
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${at} must be a non-empty string.`);
  return (value as string).trim();
}

function optionalText(value: unknown, at: string): string | null {
  return value === undefined || value === null ? null : text(value, at);
}

function name(value: unknown, at: string): string {
  const t = text(value, at);
  if (!NAME.test(t)) fail(`${at} "${t}" is not a valid name. Use letters, digits and _ (not starting with a digit).`);
  return t;
}

function unique(names: string[], at: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) fail(`${at} has "${n}" twice. Give each one its own name.`);
    seen.add(n);
  }
}

function fail(message: string): never {
  throw new WorkbenchError('features.bad_definition', message);
}
