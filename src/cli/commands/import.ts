import { importModelBundle } from '../../core/registry/bundle/index.ts';
import { importModelVersion } from '../../core/registry/import-version.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { retryOnConflict } from '../commit-retry.ts';
import { readInputFile } from '../read-file.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench import <bundle.zip> [--workspace <dir>] [--json]

Verifies a model bundle made by workbench export (or the app's Export) —
its manifest, every file's SHA-256 and size, and that the model files
rebuild the exact model — then that the model itself is sound (structure,
shapes against the bytes, finite weights, preprocessing consistent with the
signature, a smoke prediction), and stores it as a version of its model here, in
Development. The version keeps its number unless this workspace already has
it, then it gets the next free one. The workspace is created if missing.
A corrupted or edited bundle is refused, naming the file at fault, and
nothing is stored.

Options:
${WORKSPACE_USAGE}
  --json                   print { "version", "renumberedFrom", "modelCreated" }
  -h, --help               show this help

Exit codes: 0 imported, 1 the bundle is refused or cannot be read, 2 wrong
command line.`;

/** `workbench import <bundle.zip> [--workspace <dir>] [--json]`. */
export const importCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0
          ? 'Give the bundle (.zip) to import.'
          : `Give exactly one bundle; got ${positionals.length}.`,
      );
    // Read and verify the bundle before touching the workspace: a wrong path or a
    // corrupted bundle creates no folder. importModelVersion verifies it again, cheaply.
    const bytes = await readInputFile(positionals[0], 'a model bundle (.zip)');
    await importModelBundle(bytes);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, true);
    const actor = await cliActor(store);
    const done = await retryOnConflict(() =>
      importModelVersion(store, bytes, { actor, now: new Date().toISOString() }),
    );
    const version = done.version;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ version, renumberedFrom: done.renumberedFrom, modelCreated: done.createdModel !== null }, null, 2)}\n`,
      );
      return EXIT_OK;
    }
    const renumbered =
      done.renumberedFrom === null ? '' : ` (it was version ${done.renumberedFrom}, which is taken here)`;
    const created = done.createdModel ? `; model "${printable(version.modelName)}" created with the default gates` : '';
    const reported = version.metricsReportedByExporter
      ? 'its metrics are reported by the exporter: this workspace cannot re-derive them\n'
      : '';
    io.stdout(
      `imported ${printable(version.id)}${renumbered}, in Development${created}\n${reported}stored in ${printable(store.dir)}\n`,
    );
    return EXIT_OK;
  },
};
