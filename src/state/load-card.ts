/**
 * Where a version's model card comes from: built from what the workspace
 * knows (version, run, dataset version), or, for an imported version whose
 * run is elsewhere, the Markdown stored when it was imported.
 */
import type { AuditEvent, AuditEventOf } from '../core/audit/audit-event.ts';
import { WorkbenchError } from '../core/errors.ts';
import { buildModelCard, type ModelCard } from '../core/registry/model-card.ts';
import { modelCardMarkdown } from '../core/registry/model-card-markdown.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import type { WorkspaceStore } from '../core/ports.ts';

/** A card ready to show: structured when built here, Markdown only when imported. */
export interface ShownCard {
  versionId: string;
  card: ModelCard | null;
  markdown: string;
  /** Set for an imported version: the original id it had where it was exported. */
  importedFrom: string | null;
}

/**
 * The card of `version`: built from its run and dataset version when the
 * run is here, else the Markdown stored when it was imported.
 */
export async function loadCard(store: WorkspaceStore, version: ModelVersion): Promise<ShownCard> {
  const run = await store.getRun(version.runId);
  if (run) {
    const card = buildModelCard({
      version,
      run,
      datasetVersion: await store.getDatasetVersion(version.datasetVersionId),
    });
    return { versionId: version.id, card, markdown: modelCardMarkdown(card), importedFrom: null };
  }
  const imported = latestImport(await store.listAudit(), version.id);
  const blob = typeof imported?.data.cardBlob === 'string' ? await store.getBlob(imported.data.cardBlob) : undefined;
  if (!imported || !blob) {
    throw new WorkbenchError(
      'registry.card_unavailable',
      `Run ${version.runId.slice(0, 12)} of ${version.id} is not in this workspace, so its model card cannot be built. Import the version from its bundle, which carries its card.`,
    );
  }
  return {
    versionId: version.id,
    card: null,
    markdown: new TextDecoder().decode(blob),
    importedFrom: String(imported.data.originalId ?? '') || null,
  };
}

function latestImport(events: AuditEvent[], versionId: string): AuditEventOf<'model.imported'> | undefined {
  return events
    .filter((e): e is AuditEventOf<'model.imported'> => e.type === 'model.imported' && e.subject === versionId)
    .sort((a, b) => b.seq - a.seq)[0];
}
