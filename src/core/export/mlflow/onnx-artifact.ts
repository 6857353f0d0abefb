import { exportOnnx, onnxExportInput } from '../onnx/index.ts';
import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';

/**
 * The `.onnx` file of a model version for the MLflow export, written to
 * `artifacts/<model>-v<n>/model.onnx` of its run. A version the exporter
 * refuses (its artifact is missing, or it cannot be expressed in ONNX)
 * gives null, so the rest of the export still goes ahead; `workbench export
 * --format onnx` names the reason.
 */
export async function onnxArtifactOf(store: WorkspaceStore, version: ModelVersion): Promise<Uint8Array | null> {
  try {
    return exportOnnx(await onnxExportInput(store, version));
  } catch (error) {
    if (error instanceof WorkbenchError) return null;
    throw error;
  }
}
