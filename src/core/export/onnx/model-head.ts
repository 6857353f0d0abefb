import { WorkbenchError } from '../../errors.ts';
import { checkForestFile } from '../../models/forest/check-forest-file.ts';
import type { ForestArtifact } from '../../models/forest/forest-spec.ts';
import { checkLinearModel } from '../../models/linear/check-linear-model.ts';
import type { LogisticArtifact } from '../../models/linear/logistic-entry.ts';
import type { LogisticModel } from '../../models/linear/logistic-regression.ts';
import type { LinearArtifact } from '../../models/linear/ridge-entry.ts';
import type { RidgeModel } from '../../models/linear/ridge.ts';
import type { BaseArtifact, ImportExpectation } from '../../models/model-entry.ts';
import { checkMlpFiles } from '../../models/mlp/check-mlp-files.ts';
import type { MlpArtifact } from '../../models/mlp/mlp-model.ts';
import { addForest } from './forest-graph.ts';
import { addLogistic, addRidge } from './linear-graph.ts';
import { addMlp } from './mlp-graph.ts';
import type { GraphBuilder } from './onnx-graph.ts';

/** What a model kind adds to the graph: a function from the preprocessed matrix to scores. */
type HeadBuilder = (g: GraphBuilder, x: string, artifact: BaseArtifact, expect: ImportExpectation) => string;

/**
 * The kinds the ONNX export knows, each checked with the same structural
 * checks a bundle import runs (shapes, class count, finite numbers) before
 * it becomes nodes. A kind added to the catalogue is refused here until it
 * gets a builder.
 */
const HEADS: Record<string, HeadBuilder> = {
  forest: (g, x, artifact, expect) => addForest(g, x, checkForestFile((artifact as ForestArtifact).forest, expect)),
  logistic: (g, x, artifact, expect) =>
    addLogistic(g, x, checkLinearModel('logistic', (artifact as LogisticArtifact).model, expect) as LogisticModel),
  linear: (g, x, artifact, expect) =>
    addRidge(g, x, checkLinearModel('linear', (artifact as LinearArtifact).model, expect) as RidgeModel),
  mlp: (g, x, artifact, expect) => {
    const mlp = artifact as MlpArtifact;
    return addMlp(g, x, checkMlpFiles(mlp, expect), {
      regression: mlp.task === 'regression',
      yCenter: mlp.yCenter,
      yScale: mlp.yScale,
    });
  },
};

/** The model kinds the ONNX export supports. */
export const ONNX_KINDS = Object.keys(HEADS);

/**
 * Adds the model of `artifact` after the preprocessing: class
 * probabilities (rows × classes) or values (rows × 1), as doubles.
 *
 * @throws WorkbenchError `onnx.unsupported_model` for a kind without a builder or a model that fails its checks
 */
export function addModelHead(g: GraphBuilder, x: string, artifact: BaseArtifact, expect: ImportExpectation): string {
  const build = HEADS[artifact.kind];
  if (!build) {
    throw new WorkbenchError(
      'onnx.unsupported_model',
      `A "${artifact.kind}" model cannot be exported as ONNX: the export knows ${ONNX_KINDS.join(', ')}. Export the workbench bundle instead.`,
    );
  }
  try {
    return build(g, x, artifact, expect);
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === 'onnx.unsupported_model') throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new WorkbenchError(
      'onnx.unsupported_model',
      `The stored ${artifact.kind} model does not fit its version, so no ONNX file was written: ${why}`,
      { cause: error },
    );
  }
}
