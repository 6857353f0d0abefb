import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import { readIfExists, writeFileAtomic } from './atomic-file.ts';
import { WORKSPACE_FILE, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './workspace-layout.ts';

/** Files the workbench itself may leave in a folder before it holds `workspace.json`. */
const OWN_FILES = /^(lock|lock\.break|journal\.json|.*\.tmp)$/;

/**
 * Makes sure `dir` is a workspace this version can read: checks its
 * `workspace.json`, or, with `create`, makes a missing or empty folder one.
 * A folder holding other files is refused, so a mistyped `--workspace .`
 * does not scatter records over a project.
 *
 * @param withLock Runs the creation under the workspace lock.
 * @throws WorkbenchError `storage.no_workspace`, `storage.not_a_workspace` or `storage.newer_format`.
 */
export async function openWorkspaceFolder(
  dir: string,
  create: boolean,
  withLock: (body: () => Promise<void>) => Promise<void>,
): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!create) throw noWorkspace(dir);
    await mkdir(dir, { recursive: true });
  }
  if (info && !info.isDirectory()) {
    throw new WorkbenchError(
      'storage.not_a_workspace',
      `${dir} is a file, not a workspace folder. Give a folder with --workspace (it is created if missing).`,
    );
  }
  if (await checkFormat(dir)) return;
  const others = (await readdir(dir)).filter((name) => !OWN_FILES.test(name));
  if (others.length > 0) {
    throw new WorkbenchError(
      'storage.not_a_workspace',
      `${dir} is not a workbench workspace (it has no ${WORKSPACE_FILE} and holds other files, e.g. ${others[0]}). Give an empty or new folder with --workspace, or one a workbench command created.`,
    );
  }
  if (!create) throw noWorkspace(dir);
  await withLock(async () => {
    // Another process may have created it while this one waited for the lock.
    if (!(await checkFormat(dir))) {
      await writeFileAtomic(
        join(dir, WORKSPACE_FILE),
        `${JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION }, null, 2)}\n`,
      );
    }
  });
}

/** True when `dir` has a workspace.json this version can read; false when it has none. */
async function checkFormat(dir: string): Promise<boolean> {
  const raw = await readIfExists(join(dir, WORKSPACE_FILE));
  if (raw === undefined) return false;
  let meta: { format?: unknown; version?: unknown } | null;
  try {
    meta = JSON.parse(raw.toString('utf8')) as { format?: unknown; version?: unknown } | null;
  } catch {
    meta = null;
  }
  if (meta?.format !== WORKSPACE_FORMAT || typeof meta.version !== 'number') {
    throw new WorkbenchError(
      'storage.not_a_workspace',
      `${join(dir, WORKSPACE_FILE)} is not a workbench workspace description. Give another folder with --workspace.`,
    );
  }
  if (meta.version > WORKSPACE_VERSION) {
    throw new WorkbenchError(
      'storage.newer_format',
      `${dir} was written by a newer workbench (workspace format ${meta.version}; this one reads up to ${WORKSPACE_VERSION}). Update the workbench, or use another folder.`,
    );
  }
  return true;
}

function noWorkspace(dir: string): WorkbenchError {
  return new WorkbenchError(
    'storage.no_workspace',
    `There is no workspace at ${dir}. Check the --workspace path, or create one by training with "workbench train <file.csv> --target <column> --workspace ${dir}".`,
  );
}
