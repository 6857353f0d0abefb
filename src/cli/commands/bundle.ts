import { decodeRecord, encodeRecord } from '../../adapters/folder-store/record-codec.ts';
import { restoreSnapshotToFolder } from '../../adapters/folder-store/restore-snapshot.ts';
import { exportWorkspaceBundle, readSnapshot, readWorkspaceBundle } from '../../core/workspace-bundle/index.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { writeOutputFile } from '../write-file.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const CODEC = { encode: encodeRecord, decode: decodeRecord };

const USAGE = `Usage: workbench bundle export [--workspace <dir>] --out <file>
       workbench bundle import <file> --workspace <new-dir>

export  writes the whole workspace as one zip: dataset versions, runs, the
        registry, deployments, prediction logs, monitoring, the feature
        store, every blob and the audit log, with a manifest holding each
        file's SHA-256. The browser's "Export workspace" writes the same format.
import  checks every hash in the bundle, the audit chain and every record
        against the event that wrote it, then writes it as a new workspace
        in <new-dir>, which must not exist or be empty. A tampered or
        truncated bundle is refused, naming what failed, and <new-dir> is
        left untouched.

Options:
${WORKSPACE_USAGE}
  --out <file>             where export writes the zip (a folder gets workspace-bundle.zip)
  -h, --help               show this help

Exit codes: 0 done, 1 the bundle or workspace failed (named on stderr), 2 wrong command line.`;

/** `workbench bundle export|import …`. */
export const bundleCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      out: { type: 'string' },
    });
    const [action, ...rest] = positionals;
    if (action === 'export') {
      if (rest.length > 0) throw new UsageError(`Unexpected argument "${printable(rest[0])}".`);
      if (typeof values.out !== 'string') throw new UsageError('Say where to write the bundle with --out <file>.');
      const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
      const snapshot = await readSnapshot(store);
      const zip = await exportWorkspaceBundle({ snapshot, codec: CODEC, exportedAt: new Date().toISOString() });
      const file = await writeOutputFile(values.out, zip, 'the workspace bundle', 'workspace-bundle.zip');
      io.stdout(
        `wrote ${printable(file)}: ${snapshot.datasetVersions.length} dataset versions, ${snapshot.runs.length} runs, ${snapshot.blobs.size} blobs, ${snapshot.audit.length} audit events (${zip.byteLength} bytes)\n`,
      );
      return EXIT_OK;
    }
    if (action === 'import') {
      const [file, ...extra] = rest;
      if (file === undefined)
        throw new UsageError('Name the bundle to import: workbench bundle import <file> --workspace <new-dir>.');
      if (extra.length > 0) throw new UsageError(`Unexpected argument "${printable(extra[0])}".`);
      if (typeof values.workspace !== 'string') {
        throw new UsageError('Say which new folder receives the workspace with --workspace <new-dir>.');
      }
      if (values.out !== undefined) throw new UsageError('--out only applies to workbench bundle export.');
      const snapshot = await readWorkspaceBundle(await readInputFile(file, 'a workspace bundle'), CODEC);
      await restoreSnapshotToFolder(snapshot, values.workspace);
      io.stdout(
        `imported into ${printable(values.workspace)}: ${snapshot.datasetVersions.length} dataset versions, ${snapshot.runs.length} runs, ${snapshot.blobs.size} blobs; audit chain verified (${snapshot.audit.length} events, head ${snapshot.audit.at(-1)?.hash ?? 'none'})\n`,
      );
      return EXIT_OK;
    }
    throw new UsageError(
      action === undefined
        ? 'Say what to do: workbench bundle export, or workbench bundle import.'
        : `Unknown bundle action "${printable(action)}"; use export or import.`,
    );
  },
};
