import { MODEL_CATALOGUE } from '../../core/models/catalogue.ts';
import { EXIT_OK, type CliIo, type Command } from '../command.ts';
import { readJsonFile } from '../read-file.ts';
import { modelHelp } from '../model-param-option.ts';
import { buildTrainSpec, parseSplitFile, parseTrainOptions } from '../train-options.ts';

const USAGE = `Usage: workbench train <file.csv> --target <column> [options]

Trains a model on a CSV file and evaluates it on held-out rows it never saw:
split (seeded, stratified for classification), preprocessing fitted on the
training rows only (impute, standardize, one-hot), training, metrics,
confusion matrix and permutation feature importance. The same file and
arguments give the same metrics.

Options:
  --target <column>        the column to predict (required)
  --model <kind>           the model (default ${MODEL_CATALOGUE[0].kind}); see Models below
  --param <name=value>     set one of the model's parameters (repeatable); see Models below
  --seed <n>               seed for the split and the model (default 42)
  --test-size <fraction>   held-out fraction of a random split (default 0.2)
  --split <split.json>     explicit split instead: { "train": [rows], "test": [rows] },
                           0-based data-row numbers (header excluded)
  --split time             time-ordered split: train on the earlier rows, test on the latest
                           --test-size share, ordered by the date/time column (the one with
                           the timestamp role, else the first; or --time-column <col>).
                           The honest choice for data that drifts: a random split lets the
                           model learn from rows later than the ones it is tested on.
  --exclude <col,col>      leave these columns out of the features
  --task <task>            classification, regression or auto (default: from the target)
  --cv <k>                 also run k-fold cross-validation (2-20), reported as mean ± std
  --predictions <out.csv>  write the held-out rows' predictions: row, actual, predicted,
                           then p_<class> per class
  --impute <how>           missing feature cells: median (default), mean, most_frequent,
                           constant (0, or constant=<number>; categories "missing_value")
                           or drop (leave those rows out; the report says how many)
  --json                   print one JSON object (metrics, confusion, importance, the spec)
  --workspace <dir>        also keep the data and the run in this workspace folder (created
                           if missing): the CSV is saved as a dataset version (reused when
                           already saved), the run and its audit events are stored, and the
                           run id is printed ("runId" in --json).
  --register <model-name>  with --workspace: register the stored run as the next version of
                           this model (created if new), in Development; prints the version
                           ("modelVersion" in --json). A failed run registers nothing.
  -h, --help               show this help

${modelHelp()}

The --json output's "spec" can be saved and run again with workbench run.

Exit codes: 0 trained, 1 the data or a file cannot be used (one line on
stderr says why and what to change), 2 wrong command line.`;

/** `workbench train <file.csv> --target <col> […]`. */
export const trainCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseTrainOptions(args);
    // Read the split file first: a bad one fails fast, before parsing a big CSV.
    const split =
      options.splitFile === null
        ? null
        : parseSplitFile(await readJsonFile(options.splitFile, SPLIT_HINT), options.splitFile);
    // Loaded here, not at the top: training pulls in the core's models (and TF.js), which
    // `workbench --help` and the other commands must not pay for at start-up.
    const { loadData, runAndReport } = await import('../run-training.ts');
    const data = await loadData(options.file);
    const spec = buildTrainSpec(data.table, data.schema, data.versionId, options, split);
    await runAndReport(data, spec, options, io);
    return EXIT_OK;
  },
};

const SPLIT_HINT =
  'A split file holds { "train": [row indices], "test": [row indices] } with 0-based data-row numbers.';
