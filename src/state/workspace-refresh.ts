/**
 * Rereads everything stored after a change, so every view shows the same
 * workspace. Each state keeps its own error; this never throws.
 */
import { audit } from './audit-state.svelte.ts';
import { lineage } from './lineage-state.svelte.ts';
import { registry } from './registry-state.svelte.ts';
import { runs } from './runs-state.svelte.ts';
import { storage } from './storage-state.svelte.ts';
import { versions } from './versions-state.svelte.ts';

/** Refreshes versions, runs, registry, lineage, audit log and storage figures together. */
export async function refreshWorkspace(): Promise<void> {
  await Promise.all([
    versions.refresh(),
    runs.refresh(),
    registry.refresh(),
    lineage.refresh(),
    audit.refresh(),
    storage.refresh(),
  ]);
}
