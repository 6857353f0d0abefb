import { existsSync } from 'node:fs';
import { cellText, type DataTable } from '../../core/data/types.ts';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { toCsv } from '../../core/data/ingest/write-csv.ts';
import { computeViewFrame } from '../../core/features/compute/view-features.ts';
import { parseDefinitions } from '../../core/features/definitions/parse-definitions.ts';
import { resolveDefinitions } from '../../core/features/definitions/resolve-definitions.ts';
import type { FeatureViewRecord } from '../../core/features/definitions/feature-types.ts';
import { readRawCells } from '../../core/features/join/raw-cells.ts';
import { historicalFeatures } from '../../core/features/retrieval/historical-features.ts';
import { loadDataset, serviceViews } from '../../core/features/retrieval/load-view.ts';
import { WorkbenchError } from '../../core/errors.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile, readJsonFile } from '../read-file.ts';
import { strictParse } from '../train-options.ts';
import { writeOutputFile } from '../write-file.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const USAGE = `Usage: workbench features historical --entities <entities.csv> --features <features.json|service>
                                    --out <out.csv> [--timestamp <col>] [--no-future-created]
                                    [--workspace <dir>] [--json]

Builds a training table: every entity row (keys, a timestamp, labels…) in
order with all its cells, then each feature view's features from the
point-in-time-correct feature row (latest event time at or before the row's
time, within the view's TTL). --features names an applied feature service or
view, or a features.json whose views are computed without registering them.

Options:
  --entities <file>      the entity rows
  --features <x>         a feature service or view name, or a features.json file
  --timestamp <col>      the entity rows' time column (default: their only datetime column)
  --no-future-created    ignore feature rows created after the row's time (backfill leakage)
  --out <file>           where to write the training table
${WORKSPACE_USAGE}
  --json                 print { "rows", "views": [{ "id", "matched", "leakedByNaiveJoin" }], "out" }
  -h, --help             show this help

Exit codes: 0 written, 1 unknown features or unusable data, 2 wrong command line.`;

/** `workbench features historical …`. */
export const featuresHistoricalCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = strictParse(args, {
      entities: { type: 'string' },
      features: { type: 'string' },
      timestamp: { type: 'string' },
      'no-future-created': { type: 'boolean', default: false },
      out: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const entitiesPath = values.entities as string | undefined;
    const features = values.features as string | undefined;
    const out = values.out as string | undefined;
    if (!entitiesPath || !features || !out) throw new UsageError('Give --entities, --features and --out.');
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const views = await viewsFor(store, features);
    const bytes = await readInputFile(entitiesPath);
    const entities = parseCsv(bytes).table;
    const timestamp = (values.timestamp as string | undefined) ?? onlyDatetime(entities);
    const frames = await Promise.all(
      views.map(async (view) => ({
        view,
        frame: computeViewFrame(view, view.joinKeys, await loadDataset(store, view.sourceVersionId)),
      })),
    );
    const result = historicalFeatures(entities, timestamp, frames, {
      ignoreCreatedAfter: values['no-future-created'] === true,
    });
    const raw = readRawCells(bytes);
    const added = result.table.columns.slice(entities.columns.length);
    const rows = Array.from({ length: raw.rowCount }, (_, r) => [
      ...raw.columns.map((cells) => cells[r] ?? ''),
      ...added.map((c) => cellText(c, r)),
    ]);
    const csv = toCsv([...raw.header, ...added.map((c) => c.name)], rows);
    const written = await writeOutputFile(out, new TextEncoder().encode(csv), 'the training table', 'training.csv');
    const summary = {
      rows: rows.length,
      views: result.views.map((v) => ({ id: v.viewId, matched: v.matchedRows, leakedByNaiveJoin: v.leakedRows })),
      out: written,
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `${summary.views.map((v) => `${v.id}: ${v.matched} of ${summary.rows} rows matched; a naive latest-value join would have leaked ${v.leakedByNaiveJoin}`).join('\n')}\nWrote ${written}\n`,
    );
    return EXIT_OK;
  },
};

/** The views a `--features` value means: a features.json file's, or an applied service's or view's. */
async function viewsFor(store: WorkspaceStore, features: string): Promise<FeatureViewRecord[]> {
  if (!features.endsWith('.json') || !existsSync(features)) return serviceViews(store, features);
  const defs = parseDefinitions(await readJsonFile(features, 'Write the definitions as one JSON object.'));
  const resolved = await resolveDefinitions(store, defs, new Date().toISOString());
  return resolved.views.map((v) => v.view);
}

function onlyDatetime(table: DataTable): string {
  const times = table.columns.filter((c) => c.type === 'datetime');
  if (times.length === 1) return times[0].name;
  throw new WorkbenchError(
    'features.bad_timestamp',
    times.length === 0
      ? 'The entity table has no datetime column. Add a timestamp per row, or name a numeric one with --timestamp.'
      : `The entity table has several datetime columns (${times.map((c) => c.name).join(', ')}). Name the row time with --timestamp.`,
  );
}
