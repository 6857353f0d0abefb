import { WorkbenchError } from '../errors.ts';
import type { Task } from '../train/task.ts';
import { forestEntry } from './forest/forest-entry.ts';
import { logisticEntry } from './linear/logistic-entry.ts';
import { ridgeEntry } from './linear/ridge-entry.ts';
import type { BaseArtifact, BaseModelSpec, ModelEntry } from './model-entry.ts';
import { paramDefaults } from './model-params.ts';
import { mlpEntry } from './mlp/mlp-entry.ts';

/**
 * The model kinds the workbench offers, in the order the form lists them.
 * This is the one place a kind is listed: the CLI's `--model`, the Train
 * form, spec validation, training, storage, bundles and reports all read
 * it. A new kind is one folder with its entry, and one line here.
 */
export const MODEL_CATALOGUE = [forestEntry, logisticEntry, mlpEntry, ridgeEntry] as const;

/** A catalogue: the default one, or one a test builds with a kind of its own. */
export type ModelCatalogue = readonly ModelEntry[];

type DefaultEntry = (typeof MODEL_CATALOGUE)[number];
type SpecOf<E> = E extends ModelEntry<infer S, BaseArtifact> ? S : never;
type ArtifactOf<E> = E extends ModelEntry<BaseModelSpec, infer A> ? A : never;
/** The spec of any kind in the default catalogue. */
export type ModelSpec = SpecOf<DefaultEntry>;
/** The fitted model of any kind in the default catalogue, as storable data. */
export type ModelArtifact = ArtifactOf<DefaultEntry>;
export type ModelKind = ModelSpec['kind'];

/** The entry of `kind`, or undefined. */
export function findModel(kind: unknown, catalogue: ModelCatalogue = MODEL_CATALOGUE): ModelEntry | undefined {
  return catalogue.find((entry) => entry.kind === kind);
}

/**
 * The entry of `kind`.
 *
 * @throws WorkbenchError `model.unknown_kind`, listing the kinds there are
 */
export function modelEntry(kind: string, catalogue: ModelCatalogue = MODEL_CATALOGUE): ModelEntry {
  const entry = findModel(kind, catalogue);
  if (!entry) {
    throw new WorkbenchError(
      'model.unknown_kind',
      `There is no model kind "${kind}". Choose one of ${modelKinds(catalogue).join(', ')}.`,
    );
  }
  return entry;
}

/** Every kind's id, in catalogue order. */
export function modelKinds(catalogue: ModelCatalogue = MODEL_CATALOGUE): string[] {
  return catalogue.map((entry) => entry.kind);
}

/** The kinds that can learn `task`, in catalogue order. */
export function modelsFor(task: Task, catalogue: ModelCatalogue = MODEL_CATALOGUE): ModelEntry[] {
  return catalogue.filter((entry) => entry.tasks.includes(task));
}

/** Hyperparameters a new model of `kind` starts with (scikit-learn's defaults where there is one). */
export function defaultModelSpec(kind: ModelKind): ModelSpec;
export function defaultModelSpec(kind: string, catalogue: ModelCatalogue): BaseModelSpec;
export function defaultModelSpec(kind: string, catalogue: ModelCatalogue = MODEL_CATALOGUE): BaseModelSpec {
  const entry = modelEntry(kind, catalogue);
  return { kind: entry.kind, ...paramDefaults(entry.params) };
}
