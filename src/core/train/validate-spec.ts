import { WorkbenchError } from '../errors.ts';
import { PIPELINE_SCHEMA_VERSION, type ModelSpec, type PipelineSpec } from './pipeline-spec.ts';

/**
 * Checks a pipeline spec read from JSON (a download, a file given to the
 * CLI) and returns it typed. Every problem is listed in one message that
 * names the field and what it should be.
 *
 * @throws WorkbenchError `spec.invalid`
 */
export function validatePipelineSpec(input: unknown): PipelineSpec {
  const problems: string[] = [];
  const spec = input as Partial<PipelineSpec> | null;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new WorkbenchError(
      'spec.invalid',
      'The pipeline spec must be a JSON object. Download one from the Train view to see the format.',
    );
  }
  if (spec.schemaVersion !== PIPELINE_SCHEMA_VERSION)
    problems.push(`schemaVersion must be ${PIPELINE_SCHEMA_VERSION} (got ${JSON.stringify(spec.schemaVersion)})`);
  if (typeof spec.datasetVersionId !== 'string' || spec.datasetVersionId === '')
    problems.push('datasetVersionId must be a dataset version id');
  if (typeof spec.target !== 'string' || spec.target === '') problems.push('target must name the column to predict');
  if (!Array.isArray(spec.features) || spec.features.some((f) => typeof f !== 'string'))
    problems.push('features must be a list of column names ([] for every feature column)');
  else if (typeof spec.target === 'string' && spec.features.includes(spec.target))
    problems.push(`features must not include the target "${spec.target}"`);
  if (!['classification', 'regression', 'auto'].includes(spec.task as string))
    problems.push('task must be "classification", "regression" or "auto"');
  if (!isInt(spec.seed)) problems.push('seed must be a whole number');
  checkSplit(spec.split, problems);
  const pre = spec.preprocessing;
  if (
    !pre ||
    !['median', 'mean'].includes(pre.numeric?.impute) ||
    typeof pre.numeric?.standardize !== 'boolean' ||
    pre.categorical?.impute !== 'most_frequent'
  ) {
    problems.push(
      'preprocessing must be { numeric: { impute: "median" | "mean", standardize: true | false }, categorical: { impute: "most_frequent" } }',
    );
  }
  checkModel(spec.model, problems);
  const cv = spec.crossValidation;
  if (cv != null && (!isInt(cv.folds) || cv.folds < 2 || cv.folds > 20))
    problems.push('crossValidation must be null or { folds: 2…20 }');
  if (problems.length > 0) {
    throw new WorkbenchError(
      'spec.invalid',
      `The pipeline spec is not valid: ${problems.join('; ')}. Fix ${problems.length === 1 ? 'it' : 'them'} and run it again.`,
    );
  }
  return spec as PipelineSpec;
}

function checkSplit(split: PipelineSpec['split'] | undefined, problems: string[]): void {
  if (split?.kind === 'random') {
    if (!(typeof split.testFraction === 'number' && split.testFraction > 0 && split.testFraction < 1))
      problems.push('split.testFraction must be between 0 and 1, e.g. 0.2');
    if (typeof split.stratify !== 'boolean') problems.push('split.stratify must be true or false');
    if (!isInt(split.seed)) problems.push('split.seed must be a whole number');
  } else if (split?.kind === 'indices') {
    if (!Array.isArray(split.train) || !split.train.every(isInt))
      problems.push('split.train must be a list of row indices');
    if (!Array.isArray(split.test) || !split.test.every(isInt))
      problems.push('split.test must be a list of row indices');
  } else problems.push('split.kind must be "random" or "indices"');
}

function checkModel(model: ModelSpec | undefined, problems: string[]): void {
  const positive = (v: unknown) => typeof v === 'number' && v > 0 && Number.isFinite(v);
  switch (model?.kind) {
    case 'forest':
      if (!isInt(model.trees) || model.trees < 1 || model.trees > 2000)
        problems.push('model.trees must be a whole number from 1 to 2000');
      if (model.maxDepth !== null && (!isInt(model.maxDepth) || model.maxDepth < 1))
        problems.push('model.maxDepth must be null (no limit) or at least 1');
      if (!isInt(model.minSamplesLeaf) || model.minSamplesLeaf < 1)
        problems.push('model.minSamplesLeaf must be at least 1');
      if (!(
        ['sqrt', 'log2', 'all'].includes(model.maxFeatures as string) ||
        (typeof model.maxFeatures === 'number' && model.maxFeatures > 0 && model.maxFeatures <= 1)
      )) {
        problems.push('model.maxFeatures must be "sqrt", "log2", "all" or a fraction in (0, 1]');
      }
      if (typeof model.bootstrap !== 'boolean') problems.push('model.bootstrap must be true or false');
      return;
    case 'logistic':
      if (!positive(model.C)) problems.push('model.C must be a positive number');
      if (!isInt(model.maxIter) || model.maxIter < 1) problems.push('model.maxIter must be at least 1');
      if (!positive(model.tol)) problems.push('model.tol must be a positive number');
      return;
    case 'linear':
      if (!(typeof model.alpha === 'number' && model.alpha >= 0)) problems.push('model.alpha must be 0 or more');
      return;
    case 'mlp':
      if (
        !Array.isArray(model.hiddenLayers) ||
        model.hiddenLayers.length === 0 ||
        !model.hiddenLayers.every((u) => isInt(u) && u >= 1 && u <= 4096)
      ) {
        problems.push('model.hiddenLayers must be a non-empty list of layer sizes from 1 to 4096');
      }
      if (!['relu', 'tanh', 'sigmoid'].includes(model.activation))
        problems.push('model.activation must be "relu", "tanh" or "sigmoid"');
      if (!['adam', 'sgd', 'rmsprop'].includes(model.optimizer))
        problems.push('model.optimizer must be "adam", "sgd" or "rmsprop"');
      if (!positive(model.learningRate)) problems.push('model.learningRate must be a positive number');
      if (!(typeof model.l2 === 'number' && model.l2 >= 0)) problems.push('model.l2 must be 0 or more');
      if (!isInt(model.batchSize) || model.batchSize < 1) problems.push('model.batchSize must be at least 1');
      if (!isInt(model.epochs) || model.epochs < 1 || model.epochs > 10_000)
        problems.push('model.epochs must be from 1 to 10000');
      if (model.earlyStopping !== null) {
        const es = model.earlyStopping;
        if (
          !es ||
          !(es.validationFraction > 0 && es.validationFraction < 1) ||
          !isInt(es.patience) ||
          es.patience < 1
        ) {
          problems.push('model.earlyStopping must be null or { validationFraction: 0…1, patience: ≥ 1 }');
        }
      }
      return;
    default:
      problems.push('model.kind must be "forest", "logistic", "linear" or "mlp"');
  }
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
