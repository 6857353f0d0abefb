import { parseArgs } from 'node:util';
import type { ColumnSchema, DataTable } from '../core/data/types.ts';
import { WorkbenchError } from '../core/errors.ts';
import { MODEL_CATALOGUE, findModel, modelKinds } from '../core/models/catalogue.ts';
import { checkModelName } from '../core/registry/registry-validation.ts';
import {
  defaultModelSpec,
  defaultPipelineSpec,
  type ModelKind,
  type PipelineSpec,
  type SplitSpec,
  type Task,
} from '../core/train/pipeline-spec.ts';
import { defaultFeatures } from '../core/train/training-data.ts';
import { IMPUTATION_CHOICES, withImputation, type ImputationChoice } from '../core/train/imputation.ts';
import { UsageError } from './command.ts';
import { applyModelParams } from './model-param-option.ts';
import { printable } from './text-table.ts';
import { WORKSPACE_OPTION } from './workspace-option.ts';

/**
 * The command line of `workbench train`, checked: everything wrong with the
 * command line itself is a {@link UsageError} (exit 2); everything wrong with
 * the data or the files it names is a WorkbenchError (exit 1).
 */
export interface TrainOptions {
  file: string;
  target: string;
  model: ModelKind;
  /** `--param name=value` settings of the model's hyperparameters, in order. */
  params: string[];
  seed: number;
  /** Test fraction of a random split (unused when `splitFile` is given). */
  testSize: number;
  /** A JSON file of explicit train and test rows, or null for a random or time-ordered split. */
  splitFile: string | null;
  /** `--split time`: train on the earlier rows, test on the latest; the column (`--time-column`) or null to detect it. */
  timeSplit: { column: string | null } | null;
  exclude: string[];
  task: Task | 'auto';
  folds: number | null;
  predictions: string | null;
  json: boolean;
  /** The workspace to save the data and the run in, or null to only print the report. */
  workspace: string | null;
  /** Register the stored run as the next version of this model (needs `workspace`), or null. */
  register: string | null;
  /** `--impute`: how missing feature cells are handled (the spec's default, median, when absent). */
  impute: { choice: ImputationChoice; fill?: number } | null;
}

const TASKS: readonly (Task | 'auto')[] = ['classification', 'regression', 'auto'];

/** Parses the arguments after `train`. Does not read any file. */
export function parseTrainOptions(args: string[]): TrainOptions {
  const { values, positionals } = strictParse(args, {
    target: { type: 'string' },
    model: { type: 'string', default: MODEL_CATALOGUE[0].kind },
    param: { type: 'string', multiple: true, default: [] },
    seed: { type: 'string', default: '42' },
    'test-size': { type: 'string' },
    split: { type: 'string' },
    'time-column': { type: 'string' },
    exclude: { type: 'string', multiple: true, default: [] },
    task: { type: 'string', default: 'auto' },
    cv: { type: 'string' },
    predictions: { type: 'string' },
    impute: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...WORKSPACE_OPTION,
    ...REGISTER_OPTION,
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'Give the CSV file to train on.'
        : `Give exactly one CSV file; got ${positionals.length}.`,
    );
  const target = values.target as string | undefined;
  if (!target) throw new UsageError('Give the column to predict with --target <column>.');
  const model = values.model as ModelKind;
  if (!findModel(model))
    throw new UsageError(`--model must be one of ${modelKinds().join(', ')} (got "${printable(model)}").`);
  const params = values.param as string[];
  // Checked now, so a wrong value is a usage error before any file is read.
  applyModelParams(defaultModelSpec(model), params);
  const task = values.task as Task | 'auto';
  if (!TASKS.includes(task))
    throw new UsageError(`--task must be classification, regression or auto (got "${printable(task)}").`);
  const byTime = values.split === 'time';
  if (values['test-size'] !== undefined && values.split !== undefined && !byTime)
    throw new UsageError('Give either --test-size or --split <file>, not both.');
  const timeColumn = (values['time-column'] as string | undefined) ?? null;
  if (timeColumn !== null && !byTime) throw new UsageError('--time-column goes with --split time.');
  const testSize = values['test-size'] === undefined ? 0.2 : Number(values['test-size']);
  if (!(testSize > 0 && testSize < 1))
    throw new UsageError(
      `--test-size must be a fraction between 0 and 1, e.g. 0.2 (got "${printable(String(values['test-size']))}").`,
    );
  return {
    file: positionals[0],
    target,
    model,
    params,
    seed: wholeNumber('--seed', values.seed as string, 0, 2 ** 31 - 1),
    testSize,
    splitFile: byTime ? null : ((values.split as string | undefined) ?? null),
    timeSplit: byTime ? { column: timeColumn } : null,
    exclude: (values.exclude as string[])
      .flatMap((list) => list.split(','))
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    task,
    folds: values.cv === undefined ? null : wholeNumber('--cv', values.cv as string, 2, 20),
    predictions: (values.predictions as string | undefined) ?? null,
    json: values.json as boolean,
    workspace: workspaceOption(values),
    register: registerOption(values),
    impute: imputeOption(values.impute as string | undefined),
  };
}

/** `--impute median|mean|most_frequent|constant|drop`, or `constant=<number>`. */
function imputeOption(text: string | undefined): TrainOptions['impute'] {
  if (text === undefined) return null;
  const [choice, value] = text.split('=', 2) as [ImputationChoice, string | undefined];
  const fill = value === undefined ? undefined : Number(value);
  if (
    !IMPUTATION_CHOICES.includes(choice) ||
    (value !== undefined && (choice !== 'constant' || value.trim() === '' || !Number.isFinite(fill)))
  )
    throw new UsageError(
      `--impute must be one of ${IMPUTATION_CHOICES.join(', ')}, or constant=<number> (got "${printable(text)}").`,
    );
  return fill === undefined ? { choice } : { choice, fill };
}

/** The `--workspace` of `train` or `run`, or null without one (nothing is stored then). */
export function workspaceOption(values: Record<string, unknown>): string | null {
  return (values.workspace as string | undefined) ?? null;
}

/** The parseArgs entry for `--register <model-name>` of `train` and `run`. */
export const REGISTER_OPTION = { register: { type: 'string' } } as const;

/**
 * The `--register <model-name>` of `train` or `run`, or null. It needs
 * `--workspace` (the run must be stored to be registered); a name the
 * registry refuses fails here, before any training.
 *
 * @throws UsageError without --workspace; WorkbenchError `registry.bad_name`
 */
export function registerOption(values: Record<string, unknown>): string | null {
  const name = values.register as string | undefined;
  if (name === undefined) return null;
  if (values.workspace === undefined)
    throw new UsageError(
      '--register needs --workspace <dir>: the run is stored there and registered as a model version.',
    );
  checkModelName(name);
  return name;
}

type OptionConfig = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** node:util parseArgs (strict, with positionals), with its errors as usage errors. */
export function strictParse(
  args: string[],
  options: OptionConfig,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < min || value > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${printable(text)}").`);
  return value;
}

/**
 * Reads a split file's JSON: `{ "train": [...], "test": [...] }` of 0-based
 * data-row indices (other keys are ignored). Range and overlap are checked
 * later, against the data.
 *
 * @throws WorkbenchError `cli.bad_split`
 */
export function parseSplitFile(json: unknown, name: string): Extract<SplitSpec, { kind: 'indices' }> {
  const bad = (problem: string) =>
    new WorkbenchError(
      'cli.bad_split',
      `The split file "${printable(name)}" ${problem}. It must hold { "train": [row indices], "test": [row indices] } with 0-based data-row numbers (header excluded).`,
    );
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw bad('is not a JSON object');
  const split = json as { train?: unknown; test?: unknown };
  for (const key of ['train', 'test'] as const) {
    const list = split[key];
    if (!Array.isArray(list)) throw bad(`has no "${key}" list`);
    const wrong = list.find((r) => !(typeof r === 'number' && Number.isInteger(r) && r >= 0));
    if (wrong !== undefined) throw bad(`has ${JSON.stringify(wrong)} in "${key}", which is not a row index`);
  }
  return { kind: 'indices', train: split.train as number[], test: split.test as number[] };
}

/**
 * The pipeline spec `workbench train` runs. Features are listed explicitly
 * (the default features minus `--exclude`), so the spec in the `--json`
 * output re-runs the same way even if role guessing changes.
 *
 * @throws WorkbenchError `train.unknown_column` or `train.no_features`
 */
export function buildTrainSpec(
  table: DataTable,
  schema: ColumnSchema[],
  datasetVersionId: string,
  options: Pick<TrainOptions, 'target' | 'model' | 'seed' | 'testSize' | 'exclude' | 'task' | 'folds'> &
    Partial<Pick<TrainOptions, 'params' | 'impute' | 'timeSplit'>>,
  split: SplitSpec | null,
): PipelineSpec {
  const names = table.columns.map((c) => c.name);
  const unknown = options.exclude.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new WorkbenchError(
      'train.unknown_column',
      `--exclude names ${unknown.map((n) => `"${n}"`).join(', ')}, which the data does not have. Choose from: ${names.join(', ')}.`,
    );
  }
  const spec = defaultPipelineSpec(datasetVersionId, options.target, options.model, options.seed);
  // An unknown target is left for the core, whose message lists the columns.
  if (names.includes(options.target)) {
    const features = defaultFeatures(schema, options.target).filter((name) => !options.exclude.includes(name));
    if (features.length === 0) {
      throw new WorkbenchError(
        'train.no_features',
        `No feature columns are left to train on${options.exclude.length > 0 ? ' after --exclude' : ''} (numbers, booleans, dates or categories other than the target). Exclude fewer columns, or use data with feature columns.`,
      );
    }
    spec.features = features;
  }
  spec.task = options.task;
  spec.model = applyModelParams(spec.model, options.params ?? []);
  if (split) spec.split = split;
  else if (options.timeSplit)
    spec.split = {
      kind: 'time',
      column: options.timeSplit.column ?? detectedTimeColumn(schema, options.target),
      testFraction: options.testSize,
    };
  else if (spec.split.kind === 'random') spec.split.testFraction = options.testSize;
  spec.crossValidation = options.folds === null ? null : { folds: options.folds };
  if (options.impute)
    spec.preprocessing = withImputation(spec.preprocessing, options.impute.choice, options.impute.fill);
  return spec;
}

/**
 * The column `--split time` orders by when `--time-column` is not given:
 * the one with the timestamp role, else the first date or time column.
 *
 * @throws WorkbenchError `split.no_time_column`
 */
export function detectedTimeColumn(schema: ColumnSchema[], target: string): string {
  const times = schema.filter((c) => c.type === 'datetime' && c.name !== target);
  const found = times.find((c) => c.role === 'timestamp') ?? times[0];
  if (!found) {
    throw new WorkbenchError(
      'split.no_time_column',
      '--split time needs a date or time column, and this data has none. Use a random split (--test-size) or a split file.',
    );
  }
  return found.name;
}
