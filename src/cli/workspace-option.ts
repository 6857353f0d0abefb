import { FileWorkspaceStore } from '../adapters/folder-store/file-workspace-store.ts';

/**
 * The `--workspace <dir>` option the CLI commands share: a folder holding
 * the same records, blobs and audit log as the browser's workspace.
 */

/** Where commands that only work on a workspace (audit, later models and promote) look when no --workspace is given. */
export const DEFAULT_WORKSPACE = './workbench-data';

/** The parseArgs entry for `--workspace <dir>`. */
export const WORKSPACE_OPTION = { workspace: { type: 'string' } } as const;

/** The usage line every workspace command prints for the option. */
export const WORKSPACE_USAGE = `  --workspace <dir>        the workspace folder (default ${DEFAULT_WORKSPACE})`;

/**
 * Opens the workspace at `dir`: `create` for commands that write into it
 * (a missing or empty folder becomes a workspace), otherwise it must exist.
 *
 * @throws WorkbenchError `storage.no_workspace`, `storage.not_a_workspace`, `storage.newer_format`
 */
export function openCliWorkspace(dir: string, create: boolean): Promise<FileWorkspaceStore> {
  return FileWorkspaceStore.open(dir, { create });
}

/**
 * Who the audit events of this command name: `WORKBENCH_ACTOR` from the
 * environment (a CI job sets it), else the workspace's `actor` setting,
 * else `cli`.
 */
export async function cliActor(store: FileWorkspaceStore, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.WORKBENCH_ACTOR?.trim();
  if (fromEnv) return fromEnv;
  const setting = await store.getSetting('actor');
  return typeof setting === 'string' && setting.trim() !== '' ? setting.trim() : 'cli';
}
