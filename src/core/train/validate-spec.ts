import { WorkbenchError } from '../errors.ts';
import { MODEL_CATALOGUE, findModel, modelKinds, type ModelCatalogue } from '../models/catalogue.ts';
import { checkParams } from '../models/check-params.ts';
import { MAX_PARAMETERS } from '../models/memory-budget.ts';
import type { BaseModelSpec } from '../models/model-entry.ts';
import { CATEGORICAL_IMPUTE, NUMERIC_IMPUTE, PIPELINE_SCHEMA_VERSION, type PipelineSpec } from './pipeline-spec.ts';

/**
 * Checks a pipeline spec read from JSON (a download, a file given to the
 * CLI) and returns it typed. The model's hyperparameters are checked
 * against the ranges its catalogue entry describes (the ones the Train form
 * offers), and its parameter count against {@link MAX_PARAMETERS}. Every
 * problem is listed in one message that names the field and what it should
 * be.
 *
 * @throws WorkbenchError `spec.invalid`
 */
export function validatePipelineSpec<M extends BaseModelSpec = PipelineSpec['model']>(
  input: unknown,
  catalogue: ModelCatalogue = MODEL_CATALOGUE,
): PipelineSpec<M> {
  const problems: string[] = [];
  const spec = input as Partial<PipelineSpec<BaseModelSpec>> | null;
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
    !(NUMERIC_IMPUTE as readonly string[]).includes(pre.numeric?.impute) ||
    typeof pre.numeric?.standardize !== 'boolean' ||
    !(CATEGORICAL_IMPUTE as readonly string[]).includes(pre.categorical?.impute) ||
    (pre.numeric.fill !== undefined && !Number.isFinite(pre.numeric.fill)) ||
    (pre.categorical.fill !== undefined && (typeof pre.categorical.fill !== 'string' || pre.categorical.fill === ''))
  ) {
    problems.push(
      `preprocessing must be { numeric: { impute: ${quoteAll(NUMERIC_IMPUTE)}, standardize: true | false, fill?: a number }, categorical: { impute: ${quoteAll(CATEGORICAL_IMPUTE)}, fill?: a text } }`,
    );
  }
  checkModel(spec.model, catalogue, problems);
  const cv = spec.crossValidation;
  if (cv != null && (!isInt(cv.folds) || cv.folds < 2 || cv.folds > 20))
    problems.push('crossValidation must be null or { folds: 2…20 }');
  const fs = spec.featureSource;
  if (
    fs != null &&
    (typeof fs.service !== 'string' ||
      fs.service === '' ||
      typeof fs.timestamp !== 'string' ||
      fs.timestamp === '' ||
      !Array.isArray(fs.views) ||
      fs.views.some((v) => typeof v !== 'string'))
  )
    problems.push('featureSource must be null or { service: <name>, timestamp: <entity time column>, views: [] }');
  if (problems.length > 0) {
    throw new WorkbenchError(
      'spec.invalid',
      `The pipeline spec is not valid: ${problems.join('; ')}. Fix ${problems.length === 1 ? 'it' : 'them'} and run it again.`,
    );
  }
  return spec as PipelineSpec<M>;
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
  } else if (split?.kind === 'time') {
    if (typeof split.column !== 'string' || split.column === '')
      problems.push('split.column must name the date or time column to order the rows by');
    if (!(typeof split.testFraction === 'number' && split.testFraction > 0 && split.testFraction < 1))
      problems.push('split.testFraction must be between 0 and 1, e.g. 0.2 for the latest 20%');
  } else problems.push('split.kind must be "random", "time" or "indices"');
}

function checkModel(model: BaseModelSpec | undefined, catalogue: ModelCatalogue, problems: string[]): void {
  const entry = model && typeof model === 'object' ? findModel(model.kind, catalogue) : undefined;
  if (!model || !entry) {
    const kinds = modelKinds(catalogue).map((k) => `"${k}"`);
    problems.push(`model.kind must be ${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`);
    return;
  }
  const before = problems.length;
  checkParams(entry.params, model as unknown as Record<string, unknown>, 'model', problems);
  if (problems.length > before) return;
  entry.check?.(model, problems);
  // The data is not known here: count with one input column, which only underestimates.
  const { parameters } = entry.estimate(model, { task: entry.tasks[0], rows: 1, width: 1, classCount: 2 });
  if (parameters > MAX_PARAMETERS) {
    problems.push(
      `model would have at least ${parameters.toLocaleString('en-US')} parameters, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} the workbench trains (use fewer or smaller layers)`,
    );
  }
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(' | ');
}
