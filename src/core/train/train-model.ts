import { WorkbenchError } from '../errors.ts';
import {
  MODEL_CATALOGUE,
  modelEntry,
  modelsFor,
  type ModelArtifact,
  type ModelCatalogue,
  type ModelSpec,
} from '../models/catalogue.ts';
import { MEMORY_BUDGET_BYTES } from '../models/memory-budget.ts';
import type { BaseArtifact, BaseModelSpec, ModelData, Predictor, TrainProgress } from '../models/model-entry.ts';
import type { TfRuntime } from '../models/tf-runtime.ts';
import type { Rng } from '../random/rng.ts';

export type { ModelArtifact, ModelData, Predictor, TrainProgress };

/** What training needs besides the spec and the data. */
export interface TrainModelOptions {
  rng: Rng;
  /** TF.js and its backend, for kinds that run on it (the MLP); null otherwise. */
  tf?: TfRuntime | null;
  catalogue?: ModelCatalogue;
  memoryBudget?: number;
  onProgress?: (progress: TrainProgress) => void;
}

/**
 * Trains the model a spec asks for with its catalogue entry. The rng drives
 * every random choice, so a seed reproduces the model.
 *
 * @throws WorkbenchError `train.wrong_task` when the kind cannot learn the data's task
 */
export async function trainModel(
  spec: ModelSpec,
  data: ModelData,
  options: TrainModelOptions & { catalogue?: undefined },
): Promise<ModelArtifact>;
export async function trainModel(
  spec: BaseModelSpec,
  data: ModelData,
  options: TrainModelOptions,
): Promise<BaseArtifact>;
export async function trainModel(
  spec: BaseModelSpec,
  data: ModelData,
  options: TrainModelOptions,
): Promise<BaseArtifact> {
  const catalogue = options.catalogue ?? MODEL_CATALOGUE;
  const entry = modelEntry(spec.kind, catalogue);
  if (!entry.tasks.includes(data.task)) {
    const fits = modelsFor(data.task, catalogue).map((e) => e.label);
    const instead = fits.length > 1 ? `${fits.slice(0, -1).join(', ')} or ${fits[fits.length - 1]}` : fits[0];
    throw new WorkbenchError(
      'train.wrong_task',
      `${entry.label} is for ${entry.tasks.join(' and ')}, but this target calls for ${data.task}. Choose ${instead ?? 'another model'}, or change the task.`,
    );
  }
  return entry.train(spec, data, {
    rng: options.rng,
    tf: options.tf ?? null,
    memoryBudget: options.memoryBudget ?? MEMORY_BUDGET_BYTES,
    onProgress: options.onProgress,
  });
}

/** Loads a stored model once for repeated predictions on `width`-column inputs. */
export function openPredictor(
  artifact: BaseArtifact,
  width: number,
  options: { tf?: TfRuntime | null; catalogue?: ModelCatalogue } = {},
): Promise<Predictor> {
  return modelEntry(artifact.kind, options.catalogue).open(artifact, width, options.tf ?? null);
}
