/**
 * Exporting a model version as a verifiable .zip bundle, and importing one
 * (from another browser or workspace) as a new version here.
 */
import { WorkbenchError } from '../core/errors.ts';
import { bundleFolderName, exportModelBundle } from '../core/registry/bundle/index.ts';
import { importModelVersion } from '../core/registry/import-version.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import { loadCard } from './load-card.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class ModelTransferState {
  busy = $state(false);
  error = $state<string | null>(null);
  /** A sentence about the last export or import. */
  message = $state<string | null>(null);
  /** What runs now ("Exporting version 2 of "iris"…"), for the view's status line; null when idle. */
  working = $state<string | null>(null);
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
  }

  /** Packs `version` with its run's spec and preprocessing and its card, and downloads the zip. */
  async exportVersion(version: ModelVersion): Promise<boolean> {
    const done = await this.#step(
      `Exporting version ${version.version} of "${version.modelName}" as a bundle…`,
      async () => {
        const { store } = this.#context;
        const run = await store.getRun(version.runId);
        if (!run) {
          throw new WorkbenchError(
            'bundle.wrong_run',
            `The run that trained ${version.id} is not in this workspace (the version was imported), so a complete bundle cannot be made. Export it from the workspace that trained it.`,
          );
        }
        const artifactBytes = await store.getBlob(version.artifactBlob);
        if (!artifactBytes) {
          throw new WorkbenchError(
            'bundle.artifact_missing',
            `The stored model of ${version.id} is missing from this workspace. Register the run again to store it.`,
          );
        }
        const { markdown } = await loadCard(store, version);
        return exportModelBundle({ version, run, artifactBytes, modelCardMarkdown: markdown });
      },
    );
    if (!done) return false;
    const fileName = `${bundleFolderName(version.modelName, version.version)}.zip`;
    this.#context.files.download(fileName, done, 'application/zip');
    this.message = `Exported version ${version.version} of "${version.modelName}" as ${fileName} (${done.length} bytes).`;
    return true;
  }

  /**
   * Exports `version` as one ONNX model (raw columns in, preprocessing and
   * model inside) and downloads it. The exporter refuses, with a message, a
   * model it cannot represent exactly; its agreement with ONNX Runtime is
   * proved by the test suite, as ONNX Runtime does not run in the page.
   */
  async exportOnnx(version: ModelVersion): Promise<boolean> {
    const done = await this.#step(
      `Exporting version ${version.version} of "${version.modelName}" as ONNX…`,
      async () => {
        // Loaded on first use: the protobuf code is only needed here.
        const onnx = await import('../core/export/onnx/index.ts');
        return onnx.exportOnnx(await onnx.onnxExportInput(this.#context.store, version));
      },
    );
    if (!done) return false;
    const fileName = `${bundleFolderName(version.modelName, version.version)}.onnx`;
    this.#context.files.download(fileName, done, 'application/octet-stream');
    this.message = `Exported version ${version.version} of "${version.modelName}" as ${fileName} (${done.length} bytes), an ONNX model that takes the raw columns.`;
    return true;
  }

  /**
   * Verifies a bundle zip and stores it as a new version; a corrupted one is
   * refused with the reason and nothing is stored.
   */
  async importFile(file: Blob & { name: string }): Promise<ModelVersion | null> {
    const { store, files } = this.#context;
    const done = await this.#step(`Importing ${file.name}: checking every hash…`, async () =>
      importModelVersion(store, new Uint8Array(await files.readBytes(file)), {
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (!done) return null;
    await this.#context.changes.notify('registry', 'audit');
    const renumbered =
      done.renumberedFrom !== null ? ` (renumbered from ${done.renumberedFrom}, which is taken here)` : '';
    this.message = `Imported ${file.name} as version ${done.version.version} of "${done.version.modelName}"${renumbered}, in Development.`;
    return done.version;
  }

  dismissError(): void {
    this.error = null;
  }

  async #step<T>(working: string, call: () => Promise<T>): Promise<T | null> {
    if (this.busy) {
      this.error = 'An export or import is still running. Wait for it to finish, then try again.';
      return null;
    }
    this.busy = true;
    this.working = working;
    this.error = null;
    this.message = null;
    const outcome = await runThrowing(call);
    this.busy = false;
    this.working = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return null;
    }
    return outcome.value;
  }
}
