import type { WorkspaceStore } from '../../core/ports.ts';
import type { ModelVersion } from '../../core/registry/registry-types.ts';

/**
 * THE ONNX HOOK of the MLflow export: the `.onnx` file of a model version,
 * written to `artifacts/<model>-v<n>/model.onnx` of its run, or null when
 * there is none. The ONNX exporter (issue 13, another branch) is wired here
 * at merge: call it, and return its bytes; a version it refuses returns
 * null so the rest of the export still goes ahead.
 */
export async function onnxArtifactOf(store: WorkspaceStore, version: ModelVersion): Promise<Uint8Array | null> {
  void store;
  void version;
  return null;
}
