import { WorkbenchError } from '../../errors.ts';
import type { ImportExpectation } from '../model-entry.ts';
import type { ForestModel } from './forest-types.ts';
import { FOREST_FORMAT, deserializeForest } from './serialize-forest.ts';
import { firstNonFinite, invalidModel, isObject } from '../imported-model-checks.ts';

const FILE = 'forest.json';

/**
 * Reads forest.json as a random forest the workbench can trust: our format,
 * trees whose node arrays are consistent (the forest reader checks sizes,
 * child links, feature indices and leaf classes), finite thresholds and
 * leaf values, class shares within 0…1, and the task, feature count and
 * class count the bundle's signature and preprocessing call for.
 */
export function checkForestFile(text: string, { width, task, labels }: ImportExpectation): ForestModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw invalidModel(FILE, 'it is not valid JSON', cause);
  }
  if (!isObject(doc) || doc.format !== FOREST_FORMAT)
    throw invalidModel(
      FILE,
      `it is not a random forest (its format is ${JSON.stringify(isObject(doc) ? doc.format : typeof doc) ?? 'missing'}, not "${FOREST_FORMAT}")`,
    );
  if (!Array.isArray(doc.trees)) throw invalidModel(FILE, 'it is not a random forest: its trees are not a list');
  let model: ForestModel;
  try {
    model = deserializeForest(text);
  } catch (cause) {
    if (!(cause instanceof WorkbenchError)) throw cause;
    // The reader's message says "damaged: <what>. Retrain…"; keep the <what>.
    const what = /damaged: (.*?)\. Retrain/.exec(cause.message)?.[1] ?? cause.message;
    throw invalidModel(FILE, what, cause);
  }
  if (model.task !== task)
    throw invalidModel(FILE, `it is a ${model.task} forest but signature.json's task is ${task}`);
  if (model.features !== width)
    throw invalidModel(FILE, `it reads ${model.features} features but preprocessing.json gives ${width}`);
  if (model.task === 'classification' && model.classCount !== labels)
    throw invalidModel(FILE, `it predicts ${model.classCount} classes but signature.json names ${labels} labels`);
  model.trees.forEach((tree, t) => {
    if (firstNonFinite(tree.threshold) >= 0)
      throw invalidModel(FILE, `tree ${t} has a split threshold that is not a finite number`);
    if (firstNonFinite(tree.leafValue) >= 0)
      throw invalidModel(FILE, `tree ${t} has a leaf value that is not a finite number`);
    if (model.task === 'classification' && tree.leafValue.some((v) => v < 0 || v > 1))
      throw invalidModel(FILE, `tree ${t} has a class share outside 0…1`);
  });
  return model;
}
