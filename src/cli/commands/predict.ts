import { basename } from 'node:path';
import { toCsv } from '../../core/data/ingest/write-csv.ts';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { readRegistry } from '../../core/registry/registry-snapshot.ts';
import { parseModelRef, resolveModelRef } from '../../core/serving/predict/model-ref.ts';
import { predictWithRegistry } from '../../core/serving/predict/predict-service.ts';
import { predictionCells } from '../../core/serving/predict/prediction-cells.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { servingRuntime } from '../serving-runtime.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { writeOutputFile } from '../write-file.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const USAGE = `Usage: workbench predict <name>[@<version>|@<stage>|@<alias>] <data.csv> [--workspace <dir>]
                         [--out <preds.csv>] [--explain <row>] [--json]

Scores every row of a CSV file with a registered model version, through the
preprocessing it was trained with. A bare name means its Production version;
@Staging the newest version in Staging; @champion the version with that alias.
The predictions CSV has the columns train --predictions writes: row (0-based
data row), actual (only when the file has the target column), predicted (your
own label values), then p_<class> per class for a classifier. Rows whose
columns do not match the version's input signature are refused, naming the
columns. Single-row latency (p50, p95) is measured on the file's rows.

Options:
  --out <preds.csv>   write the predictions here (default: print them, unless --json)
  --explain <row>     also show which inputs moved that row's prediction most
${WORKSPACE_USAGE}
  --json              print a summary as JSON: { "rowsScored", "model", "version", "stage",
                      "task", "latencyMs": { "p50", "p95", "count" }, "out", "explanation" }
  -h, --help          show this help

Exit codes: 0 scored, 1 the model or the data cannot be used (one line on
stderr says why and what to change), 2 wrong command line.`;

/** `workbench predict <name>[@ref] <data.csv> […]`. */
export const predictCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      out: { type: 'string' },
      explain: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 2)
      throw new UsageError(
        positionals.length < 2
          ? 'Give the model (name, name@version, name@stage or name@alias) and the CSV file to score.'
          : `Unexpected argument "${printable(positionals[2])}".`,
      );
    const [reference, file] = positionals;
    const explainText = values.explain as string | undefined;
    if (explainText !== undefined && !/^\d+$/.test(explainText))
      throw new UsageError(`--explain takes a 0-based data row number (got "${printable(explainText)}").`);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    // Resolve first: an unknown model fails before a large file is parsed.
    const version = resolveModelRef(await readRegistry(store), parseModelRef(reference));
    const { table } = parseCsv(await readInputFile(file));
    const result = await predictWithRegistry(store, reference, table, {
      clock: () => performance.now(),
      tf: await servingRuntime([version.modelKind]),
      explain: explainText === undefined ? null : Number(explainText),
    });
    const { header, rows } = predictionCells(result.scored);
    const csv = toCsv(header, rows);
    const out = values.out as string | undefined;
    const written =
      out === undefined
        ? null
        : await writeOutputFile(out, new TextEncoder().encode(csv), 'the predictions', 'predictions.csv');
    const latency = result.latency && { p50: result.latency.p50, p95: result.latency.p95, count: result.latency.count };
    if (values.json) {
      const summary = {
        rowsScored: table.rowCount,
        model: result.version.modelName,
        version: result.version.version,
        stage: result.version.stage,
        task: result.scored.task,
        file: basename(file),
        latencyMs: latency,
        unknownCategories: result.scored.unknownCategories,
        out: written,
        explanation: result.explanation,
      };
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return EXIT_OK;
    }
    if (written === null) io.stdout(csv);
    const lines = [
      `scored ${table.rowCount} row${table.rowCount === 1 ? '' : 's'} with ${printable(result.version.id)} (${result.version.stage})${written ? ` → ${printable(written)}` : ''}`,
    ];
    if (latency)
      lines.push(
        `single-row latency p50 ${latency.p50.toFixed(3)} ms, p95 ${latency.p95.toFixed(3)} ms (${latency.count} requests)`,
      );
    if (result.explanation) {
      const { explains, effects } = result.explanation;
      lines.push(
        `row ${explainText}${explains === null ? '' : ` → ${printable(explains)}`}, moved most by: ${effects
          .slice(0, 5)
          .map((e) => `${printable(e.feature)} ${e.effect >= 0 ? '+' : ''}${e.effect.toPrecision(3)}`)
          .join(', ')}`,
      );
    }
    // The summary goes to stderr when the CSV itself is on stdout, so the CSV can be piped.
    (written === null ? io.stderr : io.stdout)(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
