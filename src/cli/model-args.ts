import type { WorkspaceStore } from '../core/ports.ts';
import { readRegistry, resolveVersion, type RegistrySnapshot } from '../core/registry/registry-snapshot.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import { UsageError } from './command.ts';
import { printable } from './text-table.ts';

/**
 * The `<name> <version>` positionals of `promote` and `export`; the version
 * is a number or an alias (`champion`).
 *
 * @throws UsageError when there are not exactly two
 */
export function modelVersionArgs(positionals: string[]): { name: string; ref: string } {
  if (positionals.length < 2) {
    throw new UsageError(
      positionals.length === 0
        ? 'Give the model name and the version (a number or an alias).'
        : `Give the version of "${printable(positionals[0])}" after its name (a number or an alias).`,
    );
  }
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${printable(positionals[2])}".`);
  return { name: positionals[0], ref: positionals[1] };
}

/**
 * The registry and the version `ref` of model `name` in it.
 *
 * @throws WorkbenchError `registry.model_not_found`, `registry.version_not_found` or `registry.alias_not_found`
 */
export async function findVersion(
  store: WorkspaceStore,
  name: string,
  ref: string,
): Promise<{ snapshot: RegistrySnapshot; version: ModelVersion }> {
  const snapshot = await readRegistry(store);
  return { snapshot, version: resolveVersion(snapshot, name, ref) };
}
