import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import type { Environment } from '../../serving/deployments/deployment-types.ts';
import { requireServingVersion } from '../champion.ts';
import { logWindows, type LogWindow } from './log-windows.ts';
import { readWindowEntries } from './read-window-entries.ts';

/** Which requests to window: the version serving `env` for `modelName`, from one replay (`logId`) or all. */
export interface WindowSelection {
  modelName: string;
  env: Environment;
  /** Requests per window. */
  windowSize: number;
  /** Only this replay's requests; null for every replay. */
  logId: string | null;
}

/**
 * The windows of the requests the serving version answered, as monitoring
 * and a window's drift charts both see them.
 *
 * @throws WorkbenchError `monitor.not_deployed`, `monitor.no_traffic_logged`, `monitor.bad_window`
 */
export async function servedWindows(
  store: WorkspaceStore,
  selection: WindowSelection,
): Promise<{ version: ModelVersion; windows: LogWindow[]; leftOut: number }> {
  const version = await requireServingVersion(store, selection.modelName, selection.env);
  const entries = await readWindowEntries(store, selection.logId);
  const { windows, leftOut } = logWindows(entries, version.id, selection.windowSize);
  if (windows.length === 0) {
    const served = entries.filter((e) => e.served && e.version === version.id).length;
    throw new WorkbenchError(
      'monitor.no_traffic_logged',
      served === 0
        ? `The prediction log has no request served by ${version.id} (the version ${selection.env} serves). Replay traffic with workbench simulate, with ${version.id} as the stable or the promoted candidate.`
        : `${version.id} served ${served} logged request${served === 1 ? '' : 's'}, fewer than half a window of ${selection.windowSize}. Pass a smaller --window, e.g. ${Math.max(2, served)}.`,
    );
  }
  return { version, windows, leftOut };
}
