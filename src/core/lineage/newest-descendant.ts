import type { DatasetVersion } from '../data/versions/dataset-version.ts';

/**
 * For each dataset version with descendants (versions whose parent chain
 * leads back to it), the newest of them: latest `createdAt`, then highest
 * id. Parent chains are followed with a visited set, so a corrupt cycle
 * cannot loop, and stop at a parent not in the list.
 */
export function newestDescendants(versions: DatasetVersion[]): Map<string, DatasetVersion> {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const newest = new Map<string, DatasetVersion>();
  for (const v of versions) {
    const seen = new Set<string>([v.id]);
    let parentId = v.parentId;
    while (parentId && byId.has(parentId) && !seen.has(parentId)) {
      seen.add(parentId);
      const best = newest.get(parentId);
      if (!best || isNewer(v, best)) newest.set(parentId, v);
      parentId = byId.get(parentId)!.parentId;
    }
  }
  return newest;
}

function isNewer(a: DatasetVersion, b: DatasetVersion): boolean {
  return a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;
}
